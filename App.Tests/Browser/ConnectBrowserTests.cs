using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

/// <summary>What a seller clicks on the dashboard to connect, see, refresh and disconnect each marketplace's built-in sandbox.</summary>
public sealed class ConnectBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["amazon"] = "Amazon", ["ebay"] = "eBay", ["etsy"] = "Etsy", ["tiktok"] = "TikTok", ["aliexpress"] = "AliExpress",
        ["shopify"] = "Shopify", ["woocommerce"] = "WooCommerce", ["prestashop"] = "PrestaShop",
    };

    public static TheoryData<string> OAuthMarketplaces => new(SandboxAccounts.OAuth);

    public Task InitializeAsync() => app.EnsureOwnerAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(IPage Page, ILocator Card)> DashboardAsync(string marketplace)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        return (page, page.GetByLabel(Names[marketplace], new() { Exact = true }));
    }

    private static async Task OpenConnectDialogAsync(IPage page, ILocator card)
    {
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Connect") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Environment").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Sandbox (built-in)" }).ClickAsync();
    }

    [Theory]
    [MemberData(nameof(OAuthMarketplaces))]
    public async Task Connect_approve_shows_connected_with_a_masked_token_then_disconnect(string marketplace)
    {
        var (page, card) = await DashboardAsync(marketplace);
        await OpenConnectDialogAsync(page, card);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Continue to {Names[marketplace]}" }).ClickAsync();

        await Expect(page.GetByText("Local emulator of")).ToBeVisibleAsync();
        await page.GetByLabel("Sandbox account").FillAsync($"{marketplace}-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await page.WaitForInteractiveAsync();
        card = page.GetByLabel(Names[marketplace], new() { Exact = true });
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Connected");
        var connection = card.Locator(".connection").Last;
        await Expect(connection.Locator(".connection-state")).ToHaveTextAsync("Connected");
        await Expect(connection.Locator(".connection-environment")).ToHaveTextAsync("Sandbox");
        await Expect(connection.Locator(".masked-token")).ToHaveTextAsync(new Regex(@"^\S+…\S+ \(\d+ chars\)$|^•••• \(\d+ chars\)$"));
        await Expect(connection.Locator(".connection-account")).Not.ToBeEmptyAsync();
        await Expect(connection.Locator(".reauthorize-by, .access-expiry").First).ToBeVisibleAsync();

        await connection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Disconnect") }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Disconnected");
        await Expect(card.Locator(".connection")).ToHaveCountAsync(0);
        await Expect(card.Locator(".connection-state")).ToHaveTextAsync("Not connected");
    }

    [Theory]
    [MemberData(nameof(OAuthMarketplaces))]
    public async Task Deny_shows_the_denial_on_the_card_and_stores_nothing(string marketplace)
    {
        var (page, card) = await DashboardAsync(marketplace);
        await OpenConnectDialogAsync(page, card);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Continue to {Names[marketplace]}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();

        await page.WaitForInteractiveAsync();
        card = page.GetByLabel(Names[marketplace], new() { Exact = true });
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("denied");
        await Expect(card.Locator(".connection")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Refresh_now_renews_the_token_shown_on_the_card()
    {
        var (page, card) = await DashboardAsync("etsy");
        await OpenConnectDialogAsync(page, card);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Etsy" }).ClickAsync();
        await page.GetByLabel("Sandbox account").FillAsync("refresh-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        card = page.GetByLabel("Etsy", new() { Exact = true });
        var connection = card.Locator(".connection").Last;
        var before = await connection.Locator(".masked-token").TextContentAsync();

        await connection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Refresh now") }).ClickAsync();

        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Access token renewed");
        await Expect(card.Locator(".connection").Last.Locator(".masked-token")).Not.ToHaveTextAsync(before!);
    }
}
