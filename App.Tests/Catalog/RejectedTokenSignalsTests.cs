using Marketplaces.Catalog;

namespace Marketplaces.Tests.Catalog;

/// <summary>Which answers renew the access token once: the catalog's <c>rejectedToken</c>, per marketplace.</summary>
public sealed class RejectedTokenSignalsTests
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();

    private static string AmazonError(string code, string details) =>
        $$"""{"errors":[{"code":"{{code}}","message":"Access to requested resource is denied.","details":"{{details}}"}]}""";

    [Theory]
    [InlineData("The access token you provided has expired.")]
    [InlineData("The access token you provided is revoked, malformed or invalid.")]
    public void Amazon_renews_on_its_403_unauthorized_naming_the_access_token(string details)
    {
        Assert.True(Catalog["amazon"].RejectedToken.Matches(403, AmazonError("Unauthorized", details)));
    }

    [Theory]
    [InlineData(403, "Unauthorized", "")]
    [InlineData(403, "AccessDenied", "The access token you provided has expired.")]
    [InlineData(401, "Unauthorized", "The access token you provided has expired.")]
    [InlineData(400, "InvalidInput", "The access token you provided has expired.")]
    public void Amazon_does_not_renew_on_a_role_denial_another_code_or_another_status(int status, string code, string details)
    {
        Assert.False(Catalog["amazon"].RejectedToken.Matches(status, AmazonError(code, details)));
        Assert.False(Catalog["amazon"].RejectedToken.Matches(status, null));
    }

    [Theory]
    [InlineData("ebay")]
    [InlineData("etsy")]
    [InlineData("tiktok")]
    [InlineData("shopify")]
    public void Elsewhere_any_401_renews_and_a_403_does_not(string id)
    {
        var signals = Catalog[id].RejectedToken;

        Assert.False(signals.ReadsBody);
        Assert.True(signals.Matches(401, null));
        Assert.False(signals.Matches(403, null));
    }
}
