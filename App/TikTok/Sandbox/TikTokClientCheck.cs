using System.Security.Cryptography;
using System.Text;
using Marketplaces.Sandbox;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// The token and revoke endpoints' common gate: a form body (JSON is refused) carrying <c>client_key</c> and
/// <c>client_secret</c> as fields; an Authorization header does not count.
/// </summary>
internal sealed class TikTokClientCheck(SandboxApps apps)
{
    public async Task<(IFormCollection? Form, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, TikTokErrors.OAuth("invalid_request", "Content-Type must be application/x-www-form-urlencoded."));
        var form = await request.ReadFormAsync(ct);
        var (key, secret) = (form["client_key"].ToString(), form["client_secret"].ToString());
        if (key.Length == 0 || secret.Length == 0)
            return (form, TikTokErrors.OAuth("invalid_client", "client_key and client_secret are required in the request body."));
        var app = await apps.GetAsync(TikTokSandboxRules.Id, ct);
        return key == app["clientKey"] && FixedEquals(secret, app["clientSecret"])
            ? (form, null)
            : (form, TikTokErrors.OAuth("invalid_client", "Client key or secret is incorrect."));
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
