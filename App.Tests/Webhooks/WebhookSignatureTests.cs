using System.Text;
using Marketplaces.Webhooks;

namespace Marketplaces.Tests.Webhooks;

/// <summary>The fact sheets' worked examples: Shopify C and D (shopify.md §3), WooCommerce F (woocommerce.md §7).</summary>
public sealed class WebhookSignatureTests
{
    private const string ShopifyBody = """{"id":820982911946154508,"email":"jon@example.com","total_price":"199.00"}""";
    private const string WooCommerceBody = """{"id":727,"status":"processing","date_modified_gmt":"2025-01-02T03:04:05","permalink":"https:\/\/shop.example\/?p=727"}""";

    [Theory]
    [InlineData("hush", ShopifyBody, "19sb4TQ53/TxxyK6YcMtX+aMrJyVgshiuMO90SUSl08=")]
    [InlineData("hush", """{"shop_id":954889,"shop_domain":"example-shop.myshopify.com"}""", "OVK8kCpgNEyCTeB+tgVfdaWynyaIRPUiINfaeWZMUo0=")]
    [InlineData("wc-secret-123", WooCommerceBody, "ULIShJfm+CUb0qAq4wcHduZJ4v++aVQpw8qfq4MdhD0=")]
    public void The_worked_examples_compute_and_verify(string secret, string body, string signature)
    {
        Assert.Equal(signature, Base64HmacSignature.Compute(secret, Encoding.UTF8.GetBytes(body)));
        Assert.True(Base64HmacSignature.Verifies(secret, Encoding.UTF8.GetBytes(body), signature));
    }

    [Fact]
    public void The_hex_form_of_the_same_mac_is_refused() =>
        Assert.False(Base64HmacSignature.Verifies("hush", Encoding.UTF8.GetBytes(ShopifyBody), "d7db1be13439dff4f1c722ba61c32d5fe68cac9c9582c862b8c3bdd12512974f"));

    [Fact]
    public void A_body_serialised_again_no_longer_verifies()
    {
        // The same JSON with "/" unescaped, as a receiver that parsed and re-serialised the body would check it.
        var reserialised = WooCommerceBody.Replace("\\/", "/", StringComparison.Ordinal);
        Assert.Equal("IHsZiAZ6fNV3T7DuV4JtjD37l7Oup060olnjjZCzTUE=", Base64HmacSignature.Compute("wc-secret-123", Encoding.UTF8.GetBytes(reserialised)));
        Assert.False(Base64HmacSignature.Verifies("wc-secret-123", Encoding.UTF8.GetBytes(reserialised), "ULIShJfm+CUb0qAq4wcHduZJ4v++aVQpw8qfq4MdhD0="));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_missing_or_malformed_signature_is_refused(string? header) =>
        Assert.False(Base64HmacSignature.Verifies("hush", Encoding.UTF8.GetBytes(ShopifyBody), header));
}
