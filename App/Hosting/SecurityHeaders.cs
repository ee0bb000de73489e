using Marketplaces.Catalog;

namespace Marketplaces.Hosting;

/// <summary>
/// The response headers every answer carries. The Content-Security-Policy allows the app's own scripts only
/// (blazor.web.js and MudBlazor's, both files; nothing inline, no eval) and its own WebSocket; styles may be inline
/// because MudBlazor writes style attributes; images may be data: URLs (MudBlazor's icons, the connection logos) or come
/// from the catalog's image hosts (a supplier's photos, shown before they are imported).
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(MarketplaceCatalog catalog) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src {string.Join(' ', catalog.All.SelectMany(m => m.ImageHosts).Distinct().Prepend("data:").Prepend("'self'"))}; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<MarketplaceCatalog>());
        return app.Use((context, next) => Headers(context, next, policy));
    }

    private static Task Headers(HttpContext context, Func<Task> next, string policy)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        return next();
    }
}
