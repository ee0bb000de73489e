using Marketplaces.Catalog;
using Bunit;
using Marketplaces.Connections;
using Marketplaces.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Connections;

/// <summary>With the built-in sandbox off, a marketplace without app credentials says on its card which settings to set.</summary>
public sealed class MissingCredentialsTests : MudComponentTest
{
    [Fact]
    public async Task A_card_without_credentials_names_the_missing_settings_and_one_with_them_does_not()
    {
        await using var app = new AppFactory().With("Sandbox:Enabled", "false")
            .With("Marketplaces:tiktok:Production:clientKey", "aw7nk86b7czitwc9")
            .With("Marketplaces:tiktok:Production:clientSecret", "configured-in-the-environment");
        await app.InitializeAsync();
        var store = app.Services.GetRequiredService<AppCredentialStore>();
        await store.SaveAsync("etsy", MarketplaceEnvironment.Production, "clientId", "keystring-from-settings");
        await store.SaveAsync("etsy", MarketplaceEnvironment.Production, "sharedSecret", "saved-encrypted-secret");
        await store.SaveAsync("shopify", MarketplaceEnvironment.Production, "clientId", "only-the-id");
        UseApp(app.Services);
        SignIn(TestUsers.OwnerEmail);

        var cards = (await app.Services.GetRequiredService<MarketplaceOverviews>().LoadAsync())
            .ToDictionary(o => o.Marketplace.Id, o => Render<MarketplaceCard>(p => p.Add(c => c.Overview, o)));

        var ebay = cards["ebay"].Find(".needs-credentials").TextContent;
        Assert.Contains("Marketplaces:ebay:Production:clientId", ebay);
        Assert.Contains("Marketplaces:ebay:Production:clientSecret", ebay);
        Assert.Contains("Marketplaces:ebay:Production:ruName", ebay);
        Assert.Empty(cards["tiktok"].FindAll(".needs-credentials"));
        Assert.Empty(cards["etsy"].FindAll(".needs-credentials"));
        var shopify = cards["shopify"].Find(".needs-credentials").TextContent;
        Assert.Contains("Marketplaces:shopify:Production:clientSecret", shopify);
        Assert.DoesNotContain("Marketplaces:shopify:Production:clientId", shopify);
        Assert.All(cards.Values, card => Assert.DoesNotContain("configured-in-the-environment", card.Markup));
        Assert.All(cards.Values, card => Assert.DoesNotContain("saved-encrypted-secret", card.Markup));
    }
}
