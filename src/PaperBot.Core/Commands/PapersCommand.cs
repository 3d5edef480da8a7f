namespace PaperBot.Core.Commands;

/// <summary>What a person asked of <c>/papers</c>, whatever platform it came from.</summary>
public abstract record PapersCommand
{
    private PapersCommand() { }

    /// <summary>The latest edition.</summary>
    public sealed record Today(bool Public) : PapersCommand;

    /// <summary>The edition of one date.</summary>
    public sealed record Day(DateOnly Date, bool Public) : PapersCommand;

    /// <summary>A paper's key points. <see cref="Paper"/> null means "the paper of this thread".</summary>
    public sealed record Points(string? Paper, DateOnly? Date) : PapersCommand;

    /// <summary>A paper's abstract. <see cref="Paper"/> null means "the paper of this thread".</summary>
    public sealed record Abstract(string? Paper, DateOnly? Date) : PapersCommand;

    public sealed record Search(string Query) : PapersCommand;

    public sealed record Help : PapersCommand;

    /// <summary>A command about the channel it was used in, rather than about papers: subscriptions.</summary>
    public abstract record ChannelCommand : PapersCommand;

    /// <summary>Subscribe the channel (or change its time). Null parts keep the channel's current ones, else the schedule's defaults.</summary>
    public sealed record Subscribe(string? Time, string? TimeZone) : ChannelCommand;

    public sealed record Unsubscribe : ChannelCommand;

    /// <summary>Whether the channel is subscribed, when its next edition is due, what it got last and any delivery error.</summary>
    public sealed record Status : ChannelCommand;
}
