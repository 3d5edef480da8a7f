using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Slack.Wire;

/// <summary>The one source-generated serializer context for every Slack wire type.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ChatPostMessageRequest))]
[JsonSerializable(typeof(ChatPostMessageResponse))]
[JsonSerializable(typeof(ChatUpdateRequest))]
[JsonSerializable(typeof(ChatUpdateResponse))]
[JsonSerializable(typeof(ConversationMessagesResponse))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(SlackReply))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(ChallengeReply))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(AppManifest))]
internal sealed partial class SlackJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context to use everywhere: Hangul and other non-ASCII text stays as it is (Slack reads UTF-8),
    /// while JSON control characters are still escaped.
    /// </summary>
    public static SlackJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
