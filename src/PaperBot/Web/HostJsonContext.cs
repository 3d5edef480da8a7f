using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaperBot.Cli;

namespace PaperBot.Web;

/// <summary>The host's own wire types: the health and readiness reports and <c>check --json</c> lines.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(CheckLine))]
[JsonSerializable(typeof(CheckPaper))]
internal sealed partial class HostJsonContext : JsonSerializerContext
{
    /// <summary>Keeps Hangul and other non-ASCII text readable instead of \u-escaped.</summary>
    public static HostJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
