using System.Net.Http.Headers;
using System.Text;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The dispatcher's key check (prestashop.md §1, WebserviceRequest::authenticate): the Basic user (password ignored),
/// else the ws_key query parameter; no key → 16, empty → 17, not 32 characters → 18, unknown → 20 and 21. Every
/// failure is a 401 with the webservice's WWW-Authenticate realm.
/// </summary>
public sealed class PrestaShopWebserviceAuthentication(PrestaShopWebserviceKeys keys)
{
    public const string Realm =
        "Basic realm=\"Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required.\"";

    /// <returns>null when the key is good, otherwise the answer to send.</returns>
    public async Task<IResult?> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var key = KeyOf(request);
        (int, string)[] errors = key switch
        {
            null => [(16, "Please enter the authentication key as the login. No password required")],
            "" => [(17, "Authentication key is empty")],
            { Length: not PrestaShopWebserviceKeys.Length } => [(18, "Invalid authentication key format")],
            _ when await keys.IsActiveAsync(key, ct) => [],
            _ => [(20, "Authentification key is not active"), (21, "No permission for this authentication key")],
        };
        if (errors.Length == 0) return null;
        request.HttpContext.Response.Headers.WWWAuthenticate = Realm;
        return PrestaShopOutput.For(request).Errors(StatusCodes.Status401Unauthorized, errors);
    }

    /// <summary>The key the call carries: the Basic user, else the ws_key query parameter.</summary>
    public static string? KeyOf(HttpRequest request) =>
        BasicUser(request.Headers.Authorization) ?? (request.Query.TryGetValue("ws_key", out var wsKey) ? wsKey.ToString() : null);

    private static string? BasicUser(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter ?? ""));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
