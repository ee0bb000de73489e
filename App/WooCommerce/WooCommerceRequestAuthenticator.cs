using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.WooCommerce;

/// <summary>
/// Signs a REST request the way the store accepts it (woocommerce.md §2): over HTTPS, Basic with the key as user and
/// the secret as password; over plain HTTP WordPress ignores Basic, so OAuth 1.0a parameters go into the query.
/// </summary>
public sealed class WooCommerceRequestAuthenticator(TimeProvider clock)
{
    public void Authenticate(HttpRequestMessage request, string consumerKey, string consumerSecret)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI", nameof(request));
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:{consumerSecret}")));
            return;
        }
        var parameters = QueryHelpers.ParseQuery(uri.Query)
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? "")))
            .Concat(
            [
                KeyValuePair.Create("oauth_consumer_key", consumerKey),
                KeyValuePair.Create("oauth_nonce", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()),
                KeyValuePair.Create("oauth_signature_method", OAuth1Signer.Name(OAuth1SignatureMethod.HmacSha256)),
                KeyValuePair.Create("oauth_timestamp", clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]).ToList();
        var baseUrl = uri.GetLeftPart(UriPartial.Path);
        var signature = OAuth1Signer.Sign(OAuth1Signer.BaseString(request.Method.Method, baseUrl, parameters), consumerSecret, OAuth1SignatureMethod.HmacSha256);
        parameters.Add(KeyValuePair.Create("oauth_signature", signature));
        request.RequestUri = new Uri(baseUrl + "?" + string.Join("&", parameters.Select(p => OAuth1Signer.Encode(p.Key) + "=" + OAuth1Signer.Encode(p.Value))));
    }
}
