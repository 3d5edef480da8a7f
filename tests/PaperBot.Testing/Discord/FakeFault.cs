using System.Globalization;

namespace PaperBot.Testing.Discord;

/// <summary>A scripted answer the fake gives instead of its normal one.</summary>
public sealed record FakeFault(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeFault RateLimited(double retryAfter, bool global = false) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}},"code":0}""",
            global
                ? new Dictionary<string, string>
                {
                    ["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global",
                }
                : new Dictionary<string, string>
                {
                    ["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0",
                    ["X-RateLimit-Reset-After"] = retryAfter.ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Bucket"] = "fake-storm", ["X-RateLimit-Scope"] = "user",
                });

    public static FakeFault ServerError(int status = 502) => new(status, "", new Dictionary<string, string>());

    public static FakeFault Error(int status, int code, string message) =>
        new(status, $$"""{"code":{{code}},"message":"{{message}}"}""", new Dictionary<string, string>());

    public static FakeFault MissingAccess => Error(403, 50001, "Missing Access");

    public static FakeFault MissingPermissions => Error(403, 50013, "Missing Permissions");

    public static FakeFault UnknownChannel => Error(404, 10003, "Unknown Channel");

    public static FakeFault UnknownMessage => Error(404, 10008, "Unknown Message");
}

/// <summary>Where a held request waits: before the fake acts on it, or after (the message exists, the answer is not sent yet).</summary>
public enum HoldPoint
{
    BeforeCreating,
    AfterCreating,
}

/// <summary>A request the fake keeps waiting until the test lets it go (or the fake is disposed).</summary>
public sealed class HeldRequest
{
    private readonly TaskCompletionSource<RecordedRequest> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal HeldRequest(Func<RecordedRequest, bool> match, HoldPoint point)
    {
        Match = match;
        Point = point;
    }

    internal Func<RecordedRequest, bool> Match { get; }

    internal HoldPoint Point { get; }

    /// <summary>Completes when a matching request has arrived and is being held.</summary>
    public Task<RecordedRequest> Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal Task WaitAsync(RecordedRequest request, CancellationToken aborted)
    {
        _reached.TrySetResult(request);
        return _released.Task.WaitAsync(aborted);
    }
}

/// <summary>What a scripted fault does to the requests it matches, and how many more it will take.</summary>
internal sealed class ScriptedFault(Func<RecordedRequest, bool> match, int count, FakeFault? before, FakeFault? after, TimeSpan? holdAfter)
{
    private int _left = count;

    public FakeFault? Before { get; } = before;

    public FakeFault? After { get; } = after;

    /// <summary>Act, then hold the answer this long (longer than the client waits): a timeout after the message was created.</summary>
    public TimeSpan? HoldAfter { get; } = holdAfter;

    public bool TryTake(RecordedRequest request)
    {
        if (Volatile.Read(ref _left) <= 0 || !match(request))
            return false;
        return Interlocked.Decrement(ref _left) >= 0;
    }

    public bool Spent => Volatile.Read(ref _left) <= 0;
}
