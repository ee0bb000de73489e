using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// Authenticates REST calls as WooCommerce's class-wc-rest-authentication.php does (woocommerce.md §2): over HTTPS
/// the consumer_key/consumer_secret query, then Basic, then OAuth 1.0a; over plain HTTP OAuth 1.0a only (Basic is
/// ignored, so such a caller is simply anonymous). OAuth: signature over the home URL + path, timestamp within
/// ±15 minutes, nonce single-use per key. Then the key's read/write permission must cover the method.
/// </summary>
public sealed partial class WooCommerceRestAuthentication(WooCommerceApiKeys keys, WooCommerceSandboxStore store, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly string[] OAuthParameters = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"];
    private readonly ConcurrentDictionary<(int KeyId, string Nonce), DateTimeOffset> _usedNonces = new();

    /// <returns>The key, or the error to answer; both null when the caller did not try to authenticate.</returns>
    public async Task<(WooCommerceApiKey? Key, IResult? Error)> AuthenticateAsync(HttpRequest request, CancellationToken ct)
    {
        var (key, error) = request.IsHttps ? await BasicAsync(request, ct) : (null, null);
        if (key is null && error is null) (key, error) = await OAuthAsync(request, ct);
        if (key is not null && !key.Allows(request.Method))
        {
            var permission = request.Method is "GET" or "HEAD" ? "read" : "write";
            error = Failure($"The API key provided does not have {permission} permissions.");
        }
        return error is null ? (key, null) : (null, error);
    }

    private async Task<(WooCommerceApiKey?, IResult?)> BasicAsync(HttpRequest request, CancellationToken ct)
    {
        string? consumerKey = request.Query["consumer_key"].Last(), consumerSecret = request.Query["consumer_secret"].Last();
        if (string.IsNullOrEmpty(consumerKey) || string.IsNullOrEmpty(consumerSecret))
            (consumerKey, consumerSecret) = BasicCredentials(request.Headers.Authorization);
        if (string.IsNullOrEmpty(consumerKey) || string.IsNullOrEmpty(consumerSecret)) return (null, null);
        var found = await keys.FindAsync(WooCommerceSandboxStore.SiteOf(request), consumerKey, ct);
        if (found is null) return (null, null);
        if (!FixedEquals(found.ConsumerSecret, consumerSecret))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate =
                "Basic realm=\"WooCommerce API. Use a consumer key in the username field and a consumer secret in the password field.\"";
            return (null, Failure("Consumer secret is invalid."));
        }
        return (found.Key, null);
    }

    private async Task<(WooCommerceApiKey?, IResult?)> OAuthAsync(HttpRequest request, CancellationToken ct)
    {
        var parameters = await SignedParametersAsync(request, ct);
        var missing = OAuthParameters.Where(p => string.IsNullOrEmpty(parameters.GetValueOrDefault(p))).ToList();
        if (missing.Count == OAuthParameters.Length) return (null, null);
        if (missing.Count > 0)
            return (null, WooCommerceErrors.Rest(401, "woocommerce_rest_authentication_missing_parameter",
                $"Missing OAuth parameter{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}"));
        var found = await keys.FindAsync(WooCommerceSandboxStore.SiteOf(request), parameters["oauth_consumer_key"], ct);
        if (found is null) return (null, Failure("Consumer key is invalid."));

        if (OAuth1Signer.Parse(parameters["oauth_signature_method"]) is not { } method)
            return (null, Failure("Invalid signature - signature method is invalid."));
        var expected = OAuth1Signer.Sign(OAuth1Signer.BaseString(request.Method, SignatureBaseUrl(request), parameters), found.ConsumerSecret, method);
        // WooCommerce decodes the signature once more and restores '+' that a client left unencoded.
        var provided = Uri.UnescapeDataString(parameters["oauth_signature"].Replace(' ', '+'));
        if (!FixedEquals(expected, provided)) return (null, Failure("Invalid signature - provided signature does not match."));

        var now = clock.GetUtcNow();
        if (!long.TryParse(parameters["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Window.TotalSeconds)
            return (null, Failure("Invalid timestamp."));
        foreach (var stale in _usedNonces.Where(n => n.Value < now - Window)) _usedNonces.TryRemove(stale.Key, out _);
        if (!_usedNonces.TryAdd((found.Key.KeyId, parameters["oauth_nonce"]), now))
            return (null, Failure("Invalid nonce - nonce has already been used."));
        return (found.Key, null);
    }

    /// <summary>All query and form parameters plus the oauth_* ones of an <c>Authorization: OAuth</c> header.</summary>
    private static async Task<Dictionary<string, string>> SignedParametersAsync(HttpRequest request, CancellationToken ct)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.Last(), StringComparer.Ordinal);
        if (request.HasFormContentType)
            foreach (var (name, value) in await request.ReadFormAsync(ct)) parameters[name] = value.Last();
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("OAuth ", StringComparison.Ordinal))
            foreach (Match m in OAuthHeaderParameter().Matches(header))
                parameters[m.Groups[1].Value] = Uri.UnescapeDataString(m.Groups[3].Success && m.Groups[3].Length > 0 ? m.Groups[3].Value : m.Groups[4].Value);
        return parameters;
    }

    /// <summary>WordPress signs against its home URL plus the path below it, in the scheme it sees the request in.</summary>
    private string SignatureBaseUrl(HttpRequest request)
    {
        var site = WooCommerceSandboxStore.SiteOf(request);
        request.Path.StartsWithSegments(WooCommerceSandboxStore.Mount + (site.Length == 0 ? "" : "/" + site), out var below);
        var home = new Uri(store.HomeUrl(site));
        return $"{(request.IsHttps ? "https" : "http")}://{home.Authority}{home.AbsolutePath}{below}";
    }

    private static (string?, string?) BasicCredentials(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return (null, null);
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter ?? ""));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static IResult Failure(string message) => WooCommerceErrors.Rest(401, "woocommerce_rest_authentication_error", message);

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    [GeneratedRegex("(oauth_[a-z_-]*)=(:?\"([^\"]*)\"|([^,]*))")]
    private static partial Regex OAuthHeaderParameter();
}
