using PaperBot.Core.Domain;
using PaperBot.Core.Results;

namespace PaperBot.Core.Ports;

/// <summary>
/// A platform that can post an edition to its channels. Each platform project implements it;
/// the core decides what and when, the publisher decides how it looks and talks to its API.
/// </summary>
public interface IEditionPublisher
{
    /// <summary>Short lower-case platform name, as recorded in the ledger ("discord", "slack").</summary>
    string Platform { get; }

    /// <summary>The channels configured to receive each edition.</summary>
    IReadOnlyList<string> Channels { get; }

    /// <summary>
    /// Posts whatever of the edition the ledger does not already record for this channel: the header,
    /// each paper, each paper's thread with its first reply. Records each step as it succeeds, so a
    /// re-run resumes and never repeats. A platform refusal (no permission, unknown channel) is a problem, not an exception.
    /// </summary>
    Task<Result<ChannelDelivery>> PublishAsync(Edition edition, string channel, IDeliveryLedger ledger, CancellationToken cancellationToken = default);

    /// <summary>The request bodies (JSON) that publishing to this channel would send, in order; sends nothing.</summary>
    IReadOnlyList<string> RenderRequests(Edition edition, string channel);
}

/// <summary>What one publish run did in one channel.</summary>
public sealed record ChannelDelivery(string Platform, string Channel, DateOnly Date, int MessagesPosted, int ThreadsStarted, bool AlreadyComplete);

/// <summary>The platform refused or failed for one channel; the others go on.</summary>
public sealed record ChannelFailed(string Platform, string Channel, string Reason)
    : Problem($"{Platform} channel {Channel}: {Reason}");
