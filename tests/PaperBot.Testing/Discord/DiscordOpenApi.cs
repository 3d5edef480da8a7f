using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace PaperBot.Testing.Discord;

/// <summary>
/// The request-body schemas of Discord's official openapi.json. The whole document is registered as a base
/// document; each operation's schema is built with its <c>#/components/schemas/...</c> refs pointing into it.
/// </summary>
public static class DiscordOpenApi
{
    private static readonly Uri DocumentUri = new("https://discord.test/openapi.json");
    private static readonly Lazy<(JsonDocument Document, BuildOptions Options)> Loaded = new(Load);
    // Lazy: two requests validated at once must not build (and register) the same operation's schema twice.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new();
    private static readonly Lock BuildGate = new();

    public static string Path => System.IO.Path.Combine(SharedPaths.PlatformSpecs, "discord", "openapi.json");

    /// <summary>The schema violations of <paramref name="body"/> for the operation's JSON request body; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string operationId, JsonElement body)
    {
        var schema = Schemas.GetOrAdd(operationId, id => new Lazy<JsonSchema>(() => Build(id))).Value;
        var results = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count == 0 ? [$"{operationId}: invalid (no detail)"] : errors;
    }

    /// <summary>
    /// Loads the document and builds, and once evaluates, one operation's schema now. The first build takes over half a
    /// second (each later operation a few milliseconds); paid inside a fake's first request, it can outlast the client's
    /// timeout and turn an answer the fake counted (a scripted 429, say) into a timeout the client retries.
    /// </summary>
    public static void Prepare()
    {
        using var empty = JsonDocument.Parse("{}");
        Validate("create_message", empty.RootElement);
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { } own)
        {
            foreach (var (keyword, message) in own)
                errors.Add($"{results.InstanceLocation} ({keyword} at {results.EvaluationPath}): {message}");
        }
        if (results.Details is { } details)
        {
            foreach (var detail in details)
                Collect(detail, errors);
        }
    }

    private static JsonSchema Build(string operationId)
    {
        var (document, options) = Loaded.Value;
        var requestSchema = FindRequestSchema(document.RootElement, operationId);
        var text = requestSchema.GetRawText().Replace("\"#/components/", $"\"{DocumentUri}#/components/", StringComparison.Ordinal);
        lock (BuildGate)
            return JsonSchema.FromText(text, options, new Uri($"https://discord.test/operations/{operationId}.json"));
    }

    private static JsonElement FindRequestSchema(JsonElement root, string operationId)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object &&
                    operation.Value.TryGetProperty("operationId", out var id) && id.GetString() == operationId)
                    return operation.Value.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            }
        }
        throw new ArgumentException($"openapi.json has no operation {operationId}", nameof(operationId));
    }

    private static (JsonDocument, BuildOptions) Load()
    {
        var document = JsonDocument.Parse(File.ReadAllBytes(Path));
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement, DocumentUri));
        // OpenAPI 3.1 schemas are JSON Schema 2020-12, which tolerates the spec's x-discord-* extension keywords.
        return (document, new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 });
    }
}
