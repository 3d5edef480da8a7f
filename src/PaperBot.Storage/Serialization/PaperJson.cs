using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaperBot.Core.Domain;

namespace PaperBot.Storage.Serialization;

[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(ExtraSection[]))]
internal sealed partial class PaperJsonContext : JsonSerializerContext;

/// <summary>The list-valued parts of a paper, stored as JSON text columns.</summary>
internal static class PaperJson
{
    // Relaxed escaping keeps Korean readable (and half the size) in the stored JSON.
    private static readonly PaperJsonContext Context = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string FromStrings(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize(values as string[] ?? values.ToArray(), Context.StringArray);

    public static string FromSections(IReadOnlyList<ExtraSection> sections) =>
        JsonSerializer.Serialize(sections as ExtraSection[] ?? sections.ToArray(), Context.ExtraSectionArray);

    public static string[] ToStrings(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize(json, Context.StringArray) ?? [];

    public static ExtraSection[] ToSections(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize(json, Context.ExtraSectionArray) ?? [];
}
