namespace PaperBot.Slack.Work;

/// <summary>Work that happens after Slack has been acknowledged: replies to buttons, mentions and slow commands.</summary>
public interface ISlackWork
{
    /// <summary>Runs in a service scope of its own.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
