using System.Security.Cryptography;

namespace Marketplaces.Hosting;

/// <summary>Serves the Blazor client script that the build embeds (see BlazorScript.targets).</summary>
public static class BlazorScriptEndpoint
{
    private static readonly Lazy<(byte[] Body, string ETag)> Script = new(() =>
    {
        using var stream = typeof(BlazorScriptEndpoint).Assembly.GetManifestResourceStream("blazor.web.js")
            ?? throw new InvalidOperationException("blazor.web.js is not embedded; the build target did not run.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var body = buffer.ToArray();
        return (body, $"\"{Convert.ToHexString(SHA256.HashData(body))[..16]}\"");
    });

    public static IEndpointConventionBuilder MapBlazorScript(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/_framework/blazor.web.js", (HttpContext context) =>
        {
            var (body, etag) = Script.Value;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            return context.Request.Headers.IfNoneMatch == etag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(body, "text/javascript");
        }).AllowAnonymous();
}
