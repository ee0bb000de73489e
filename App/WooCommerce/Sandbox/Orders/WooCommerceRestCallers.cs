using System.Text.Json;

namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>
/// What every order route learns first: the site asked for and whether the caller authenticated. An authentication
/// error is answered before anything else (WordPress checks it before dispatching); an anonymous caller is refused
/// only after the arguments were validated, as WordPress validates before it runs the permission check.
/// </summary>
public sealed class WooCommerceRestCallers(WooCommerceRestAuthentication authentication, WooCommerceSandboxStore store, WooCommerceSandboxSites sites)
{
    public async Task<WooCommerceRestCaller> ForAsync(HttpRequest request, CancellationToken ct)
    {
        var (key, error) = await authentication.AuthenticateAsync(request, ct);
        var site = WooCommerceSandboxStore.SiteOf(request);
        return new WooCommerceRestCaller(sites.For(site), store.HomeUrl(site), error, key is null && error is null);
    }

    /// <summary>A site's state without authentication (public routes).</summary>
    public (WooCommerceSandboxSite Site, string Home) Site(HttpRequest request)
    {
        var site = WooCommerceSandboxStore.SiteOf(request);
        return (sites.For(site), store.HomeUrl(site));
    }

    /// <summary>The request's JSON object body (an empty body is no arguments) or WordPress's refusal of it.</summary>
    public static async Task<(Dictionary<string, JsonElement>? Body, IResult? Error)> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
            return ((await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value.ToString())), null);
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return (new Dictionary<string, JsonElement>(), null);
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? (json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()), null)
                : (new Dictionary<string, JsonElement>(), null);
        }
        catch (JsonException)
        {
            return (null, WooCommerceErrors.InvalidJson());
        }
    }
}

/// <param name="Error">The authentication failure to answer, if any.</param>
/// <param name="Anonymous">No key was offered: the permission check refuses the call.</param>
public sealed record WooCommerceRestCaller(WooCommerceSandboxSite Site, string Home, IResult? Error, bool Anonymous);
