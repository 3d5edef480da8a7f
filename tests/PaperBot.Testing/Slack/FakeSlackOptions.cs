namespace PaperBot.Testing.Slack;

/// <summary>How the fake Slack behaves. The defaults suit a test that looks at everything it was sent.</summary>
public sealed record FakeSlackOptions
{
    /// <summary>
    /// Keep to real Slack's limit for chat.postMessage: one message per second per channel. A faster post is refused with
    /// HTTP 429 and <c>Retry-After</c> (counted in <see cref="FakeSlackApi.RateLimitedResponses"/>).
    /// </summary>
    public bool EnforceMessageRate { get; init; }

    public TimeSpan MessageInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Keep each message's text and blocks (off for a benchmark of thousands of channels: only ts, thread and metadata are kept).</summary>
    public bool KeepBodies { get; init; } = true;

    /// <summary>Record every request in <see cref="FakeSlackApi.Calls"/>.</summary>
    public bool RecordCalls { get; init; } = true;

    /// <summary>Check every chat.postMessage / chat.update / conversations.* request against the official spec (<see cref="SlackSpecs"/>).</summary>
    public bool ValidateRequests { get; init; } = true;

    /// <summary>How long a <see cref="SlackFault.TimeoutAfterPosting"/> keeps its answer back: longer than the client waits.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock messages' <c>ts</c> and the message pace are read from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>A failure the fake Slack can be told to answer with.</summary>
public enum SlackFault
{
    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>{ok:false, error:"ratelimited"}</c>; nothing done.</summary>
    HttpTooManyRequests,

    /// <summary>HTTP 200 <c>{ok:false, error:"ratelimited"}</c> with <c>Retry-After</c>; nothing done.</summary>
    RatelimitedError,

    /// <summary>HTTP 200 <c>{ok:false, error:"internal_error"}</c>; nothing done.</summary>
    InternalError,

    /// <summary>HTTP 500 before anything is done.</summary>
    ServerErrorBeforePosting,

    /// <summary>The message is posted (or updated), then the answer is HTTP 500.</summary>
    ServerErrorAfterPosting,

    /// <summary>The message is posted (or updated), then the answer is held longer than the client waits.</summary>
    TimeoutAfterPosting,
}

/// <summary>Where a held request waits.</summary>
public enum HoldPoint
{
    /// <summary>Before anything is done: nothing is in the channel until it is released.</summary>
    BeforeHandling,

    /// <summary>After the message is stored, before the answer: the message is in the channel, the client does not know.</summary>
    AfterStoring,
}
