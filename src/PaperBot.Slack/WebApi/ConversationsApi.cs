using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Results;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.WebApi;

/// <summary>
/// Finds PaperBot's own messages again by their metadata: <c>conversations.history</c> (messages in the channel since a
/// time) and <c>conversations.replies</c> (a thread), with <c>include_all_metadata</c>, a bounded number of pages.
/// Both are reads in Slack's own rate tiers, not the channel's message pace.
/// </summary>
public sealed class ConversationsApi(SlackApiClient api)
{
    public const int PageSize = 200;
    public const int MaxPages = 5;

    /// <summary>The <c>ts</c> of the message carrying <paramref name="metadata"/>, or null when there is none.</summary>
    /// <param name="threadTs">The thread to look in; null for the channel's own messages (not thread replies).</param>
    /// <param name="oldest">For the channel's messages: none older than this is read.</param>
    public async Task<Result<string?>> FindAsync(string channel, string? threadTs, MessageMetadata metadata, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var arguments = new List<KeyValuePair<string, string>>(6)
            {
                new("channel", channel),
                threadTs is null ? new("oldest", Ts(oldest)) : new("ts", threadTs),
                new("include_all_metadata", "true"),
                new("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
            };
            if (cursor is not null)
                arguments.Add(new("cursor", cursor));
            var answer = await api.GetAsync(method, arguments, SlackJsonContext.Relaxed.ConversationMessagesResponse, cancellationToken);
            if (!answer.IsSuccess)
                return answer.Problem;
            foreach (var message in answer.Value.Messages ?? [])
            {
                if (message.Ts is { Length: > 0 } ts && Carries(message, metadata))
                    return ts;
            }
            cursor = answer.Value.ResponseMetadata?.NextCursor;
            if (!answer.Value.HasMore || string.IsNullOrEmpty(cursor))
                break;
        }
        return (string?)null;
    }

    /// <summary>Slack's form of a time: seconds since 1970 with six decimals.</summary>
    public static string Ts(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>Same event type and the same edition date and item; any app's metadata may be there, so nothing is assumed of its shape.</summary>
    private static bool Carries(ConversationMessage message, MessageMetadata metadata)
    {
        if (message.Metadata is not { } received || received.EventType != metadata.EventType || received.EventPayload.ValueKind != JsonValueKind.Object)
            return false;
        return Is(received.EventPayload, "date", metadata.EventPayload.Date) && Is(received.EventPayload, "item", metadata.EventPayload.Item);
    }

    private static bool Is(JsonElement payload, string name, string expected) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(expected);
}
