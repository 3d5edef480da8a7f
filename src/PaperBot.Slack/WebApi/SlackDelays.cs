namespace PaperBot.Slack.WebApi;

/// <summary>Every wait the Slack client makes (pacing, Retry-After, backoff) goes through here, so tests can make it instant.</summary>
public interface ISlackDelays
{
    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class TimeProviderDelays(TimeProvider time) : ISlackDelays
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}
