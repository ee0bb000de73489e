using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Products;

/// <summary>
/// "Read listings" with a failing backend: eBay refuses the connection's access token and its refresh token alike
/// (the seller revoked the app on eBay). The page says so in words and keeps working (issue 11).
/// </summary>
public sealed class ListingImportFailureBrowserTests(ProductsBrowserFixture app) : IClassFixture<ProductsBrowserFixture>
{
    [Fact]
    public async Task Reading_the_listings_of_a_connection_whose_grant_eBay_withdrew_says_so_and_the_page_keeps_working()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "ebay", "revoked-lister");
        var secrets = await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(connection);
        var grants = app.Services.GetRequiredService<SandboxGrants>();
        Assert.True(await grants.RevokeAsync("ebay", SandboxGrantKinds.Access, secrets[TokenVault.AccessToken]));
        Assert.True(await grants.RevokeAsync("ebay", SandboxGrantKinds.Refresh, secrets[TokenVault.RefreshToken]));

        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products/import-listings");
        await page.WaitForInteractiveAsync();
        await page.Locator(".import-connection").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("revoked-lister") }).ClickAsync();
        await page.Locator(".read-listings").ClickAsync();

        await Expect(page.Locator(".import-error")).ToBeVisibleAsync();
        await Expect(page.Locator(".import-error")).ToContainTextAsync("eBay no longer accepts this authorization");
        await Expect(page.Locator(".read-listings")).ToBeEnabledAsync();
        await page.Locator(".read-listings").ClickAsync();
        await Expect(page.Locator(".import-error")).ToBeVisibleAsync();
    }
}
