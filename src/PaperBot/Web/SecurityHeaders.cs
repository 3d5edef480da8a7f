namespace PaperBot.Web;

/// <summary>
/// Response headers that keep a page from being turned against its reader: on every response
/// <c>X-Content-Type-Options: nosniff</c>; on HTML a Content-Security-Policy that allows no script at all (the
/// pages have none) and styles only from the site's stylesheet, and <c>Referrer-Policy: no-referrer</c>
/// (a search page's address holds what was searched for).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src https:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public const string ReferrerPolicy = "no-referrer";

    // A static callback given the response as its state: nothing is allocated for it per request.
    private static readonly Func<object, Task> AddHeaders = static state =>
    {
        var response = (HttpResponse)state;
        response.Headers.XContentTypeOptions = "nosniff";
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers["Referrer-Policy"] = ReferrerPolicy;
        }
        return Task.CompletedTask;
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddHeaders, context.Response);
            return next(context);
        });
}
