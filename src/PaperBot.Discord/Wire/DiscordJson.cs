using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Discord.Wire;

/// <summary>The one source-generated serializer context for every Discord wire type.</summary>
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(ThreadCreatePayload))]
[JsonSerializable(typeof(ThreadRenamePayload))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(InteractionResponsePayload))]
[JsonSerializable(typeof(AutocompleteResponsePayload))]
[JsonSerializable(typeof(MessageObject))]
[JsonSerializable(typeof(ChannelObject))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandPayload>))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandObject>))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(RateLimitBody))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;

internal static class DiscordJson
{
    /// <summary>Snake case, nulls left out, and Hangul written as itself rather than \u escapes.</summary>
    public static DiscordJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
