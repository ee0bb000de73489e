using Marketplaces.Catalog;
using Marketplaces.Connections;
using Microsoft.Extensions.DependencyInjection;
using Marketplaces.Tests.Infrastructure;
using AngleSharp.Html.Parser;

namespace Marketplaces.Tests.Connections;

/// <summary>With the built-in sandbox off, a marketplace without app credentials says on its card which settings to set.</summary>
public sealed class MissingCredentialsTests
{
    [Fact]
    public async Task A_card_without_credentials_names_the_missing_settings_and_one_with_them_does_not()
    {
        await using var app = new AppFactory().With("Sandbox:Enabled", "false")
            .With("Marketplaces:tiktok:Production:clientKey", "aw7nk86b7czitwc9")
            .With("Marketplaces:tiktok:Production:clientSecret", "configured-in-the-environment");
        await app.InitializeAsync();
        await app.EnsureOwnerAsync();
        var store = app.Services.GetRequiredService<AppCredentialStore>();
        await store.SaveAsync("etsy", MarketplaceEnvironment.Production, "clientId", "keystring-from-settings");
        await store.SaveAsync("etsy", MarketplaceEnvironment.Production, "sharedSecret", "saved-encrypted-secret");
        await store.SaveAsync("shopify", MarketplaceEnvironment.Production, "clientId", "only-the-id");
        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);

        var page = new HtmlParser().ParseDocument(await owner.GetStringAsync("/"));

        var ebay = page.QuerySelector("[data-marketplace=ebay] .needs-credentials")!.TextContent;
        Assert.Contains("Marketplaces:ebay:Production:clientId", ebay);
        Assert.Contains("Marketplaces:ebay:Production:clientSecret", ebay);
        Assert.Contains("Marketplaces:ebay:Production:ruName", ebay);
        Assert.Null(page.QuerySelector("[data-marketplace=tiktok] .needs-credentials"));
        Assert.Null(page.QuerySelector("[data-marketplace=etsy] .needs-credentials"));
        var shopify = page.QuerySelector("[data-marketplace=shopify] .needs-credentials")!.TextContent;
        Assert.Contains("Marketplaces:shopify:Production:clientSecret", shopify);
        Assert.DoesNotContain("Marketplaces:shopify:Production:clientId", shopify);
        Assert.DoesNotContain("configured-in-the-environment", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("saved-encrypted-secret", page.DocumentElement.OuterHtml);
    }
}
