using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Slack.Endpoints;

/// <summary>Small response helpers shared by the three endpoints.</summary>
internal static class SlackHttp
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The platform and the <c>command</c> labels, besides subcommand names, of Slack requests in the metrics.</summary>
    public const string Platform = "slack";
    public const string PingLabel = "ping";
    public const string ButtonLabel = "button";
    public const string EventLabel = "event";
    public const string InvalidLabel = "invalid";

    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public static Task BadRequestAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    /// <summary>Writes JSON already serialized (an answer rendered once and reused).</summary>
    public static async Task WriteJsonAsync(HttpContext context, byte[] json)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = json.Length;
        await context.Response.BodyWriter.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>Serializes straight into the response body with the source-generated context.</summary>
    public static async Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        var writer = context.Response.BodyWriter;
        using (var json = new Utf8JsonWriter(writer, new JsonWriterOptions { Encoder = type.Options.Encoder, SkipValidation = true }))
            JsonSerializer.Serialize(json, value, type);
        await writer.FlushAsync(context.RequestAborted);
    }
}
