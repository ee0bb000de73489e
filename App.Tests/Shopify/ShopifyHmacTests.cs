using Marketplaces.Shopify;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Shopify;

/// <summary>Worked examples A and B of shared/marketplaces/shopify.md §2.2, secret "hush".</summary>
public class ShopifyHmacTests
{
    public const string ExampleAQuery =
        "shop=example-shop.myshopify.com&timestamp=1700000000&code=0907a61c0c8d55e99db179b68161bc00&state=nonce-7f3a9c" +
        "&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZXhhbXBsZS1zaG9w&hmac=e621166894587dcc3abb17379a839480a40cc442e060c763612073e6cdd9cae1";

    public static Dictionary<string, string> ExampleA() =>
        QueryHelpers.ParseQuery(ExampleAQuery).ToDictionary(p => p.Key, p => p.Value.ToString());

    [Fact]
    public void Example_A_signs_the_sorted_parameters_without_hmac()
    {
        var query = ExampleA();
        Assert.Equal("code=0907a61c0c8d55e99db179b68161bc00&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZXhhbXBsZS1zaG9w" +
                     "&shop=example-shop.myshopify.com&state=nonce-7f3a9c&timestamp=1700000000", ShopifyHmac.Message(query));
        Assert.Equal("e621166894587dcc3abb17379a839480a40cc442e060c763612073e6cdd9cae1", ShopifyHmac.Compute("hush", query));
        Assert.True(ShopifyHmac.Verify("hush", query, query["hmac"]));
    }

    [Fact]
    public void Example_B_matches_the_published_vector()
    {
        var query = new Dictionary<string, string>
        {
            ["code"] = "0907a61c0c8d55e99db179b68161bc00", ["shop"] = "some-shop.myshopify.com", ["timestamp"] = "1337178173",
        };
        Assert.Equal("4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20", ShopifyHmac.Compute("hush", query));
    }

    [Fact]
    public void A_changed_parameter_another_secret_or_an_upper_case_hmac_does_not_verify()
    {
        var query = ExampleA();
        var hmac = query["hmac"];
        Assert.False(ShopifyHmac.Verify("hush2", query, hmac));
        Assert.False(ShopifyHmac.Verify("hush", query, hmac.ToUpperInvariant()));
        query["shop"] = "other-shop.myshopify.com";
        Assert.False(ShopifyHmac.Verify("hush", query, hmac));
    }

    [Fact]
    public void The_signature_parameter_of_app_proxies_is_left_out_too()
    {
        var query = ExampleA();
        query["signature"] = "whatever";
        Assert.True(ShopifyHmac.Verify("hush", query, query["hmac"]));
    }
}
