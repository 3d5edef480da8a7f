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
}
