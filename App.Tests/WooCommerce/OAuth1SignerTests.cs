using Marketplaces.WooCommerce;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.WooCommerce;

/// <summary>Worked example E of woocommerce.md §2.1.</summary>
public sealed class OAuth1SignerTests
{
    private const string Url = "http://localhost:8080/wp-json/wc/v3/orders";
    private const string Secret = "cs_fedcba9876543210fedcba9876543210fedcba98";

    private static List<KeyValuePair<string, string>> Parameters(string method) =>
    [
        new("per_page", "100"), new("page", "1"), new("modified_after", "2025-01-01T00:00:00"),
        new("oauth_consumer_key", "ck_0123456789abcdef0123456789abcdef01234567"), new("oauth_nonce", "kllo9940pd9333jh"),
        new("oauth_signature_method", method), new("oauth_timestamp", "1700000000"),
    ];

    [Fact]
    public void The_base_string_sorts_encodes_and_double_encodes_as_in_example_E()
    {
        Assert.Equal(
            "GET&http%3A%2F%2Flocalhost%3A8080%2Fwp-json%2Fwc%2Fv3%2Forders&modified_after%3D2025-01-01T00%253A00%253A00%26oauth_consumer_key%3Dck_0123456789abcdef0123456789abcdef01234567%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26page%3D1%26per_page%3D100",
            OAuth1Signer.BaseString("get", Url, Parameters("HMAC-SHA256")));
    }

    [Fact]
    public void The_HMAC_SHA256_signature_matches_example_E()
    {
        var baseString = OAuth1Signer.BaseString("GET", Url, Parameters("HMAC-SHA256"));
        Assert.Equal("McBd8JijbSHWCBOCiUyX1SNBICs9Mz6TYbqSYtfflDQ=", OAuth1Signer.Sign(baseString, Secret, OAuth1SignatureMethod.HmacSha256));
    }

    [Fact]
    public void The_HMAC_SHA1_signature_matches_example_E()
    {
        var baseString = OAuth1Signer.BaseString("GET", Url, Parameters("HMAC-SHA1"));
        Assert.Equal("YFW7ujAdNjy+VpbpiJeDTDu1bc0=", OAuth1Signer.Sign(baseString, Secret, OAuth1SignatureMethod.HmacSha1));
    }

    [Fact]
    public void An_oauth_signature_already_in_the_parameters_is_not_signed()
    {
        var parameters = Parameters("HMAC-SHA256");
        var without = OAuth1Signer.BaseString("GET", Url, parameters);
        parameters.Add(new("oauth_signature", "anything"));
        Assert.Equal(without, OAuth1Signer.BaseString("GET", Url, parameters));
    }

    [Fact]
    public void A_plain_http_store_gets_a_signed_query_that_verifies()
    {
        var authenticator = new WooCommerceRequestAuthenticator(new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Url}?per_page=100&page=1&modified_after=2025-01-01T00:00:00");
        authenticator.Authenticate(request, "ck_0123456789abcdef0123456789abcdef01234567", Secret);

        Assert.Null(request.Headers.Authorization);
        var query = QueryHelpers.ParseQuery(request.RequestUri!.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        Assert.Equal("1700000000", query["oauth_timestamp"]);
        Assert.Equal("HMAC-SHA256", query["oauth_signature_method"]);
        Assert.Equal("2025-01-01T00:00:00", query["modified_after"]);
        Assert.Contains("oauth_signature=", request.RequestUri.Query);
        var expected = OAuth1Signer.Sign(OAuth1Signer.BaseString("GET", Url, query), Secret, OAuth1SignatureMethod.HmacSha256);
        Assert.Equal(expected, query["oauth_signature"]);
    }

    [Fact]
    public void An_https_store_gets_basic_authentication_and_an_unchanged_url()
    {
        var authenticator = new WooCommerceRequestAuthenticator(TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://shop.example/wp-json/wc/v3/system_status");
        authenticator.Authenticate(request, "ck_0123456789abcdef0123456789abcdef01234567", Secret);

        Assert.Equal("https://shop.example/wp-json/wc/v3/system_status", request.RequestUri!.ToString());
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        // The sheet's Basic example for the same key pair.
        Assert.Equal("Y2tfMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzpjc19mZWRjYmE5ODc2NTQzMjEwZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4",
            request.Headers.Authorization.Parameter);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
