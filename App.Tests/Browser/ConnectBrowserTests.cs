using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
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
        var before = await card.Locator(".connection").CountAsync();
        await OpenConnectDialogAsync(page, card);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Continue to {Names[marketplace]}" }).ClickAsync();

        await Expect(page.GetByText("Local emulator of")).ToBeVisibleAsync();
        await page.GetByLabel("Sandbox account").FillAsync($"{marketplace}-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await page.WaitForInteractiveAsync();
        card = page.GetByLabel(Names[marketplace], new() { Exact = true });
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Connected");
        await Expect(card.Locator(".connection")).ToHaveCountAsync(before + 1);
        var connection = card.Locator(".connection").Last;
        await Expect(connection.Locator(".connection-state")).ToHaveTextAsync("Connected");
        await Expect(connection.Locator(".connection-environment")).ToHaveTextAsync("Sandbox");
        await Expect(connection.Locator(".masked-token")).ToHaveTextAsync(new Regex(@"^\S+…\S+ \(\d+ chars\)$|^•••• \(\d+ chars\)$"));
        await Expect(connection.Locator(".connection-account")).Not.ToBeEmptyAsync();
        await Expect(connection.Locator(".reauthorize-by, .access-expiry").First).ToBeVisibleAsync();

        await connection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Disconnect") }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Disconnected");
        await Expect(card.Locator(".connection")).ToHaveCountAsync(before);
        if (before == 0) await Expect(card.Locator(".connection-state")).ToHaveTextAsync("Not connected");
    }

    [Theory]
    [MemberData(nameof(OAuthMarketplaces))]
    public async Task Deny_shows_the_denial_on_the_card_and_stores_nothing(string marketplace)
    {
        var (page, card) = await DashboardAsync(marketplace);
        var before = await card.Locator(".connection").CountAsync();
        await OpenConnectDialogAsync(page, card);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Continue to {Names[marketplace]}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();

        await page.WaitForInteractiveAsync();
        card = page.GetByLabel(Names[marketplace], new() { Exact = true });
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("denied");
        await Expect(card.Locator(".connection")).ToHaveCountAsync(before);
    }

    [Fact]
    public async Task WooCommerce_connects_by_authorizing_in_the_sandbox_store()
    {
        var (page, card) = await DashboardAsync("woocommerce");
        var before = await card.Locator(".connection").CountAsync();
        await OpenConnectDialogAsync(page, card);
        await Expect(page.GetByLabel("Store URL")).ToHaveValueAsync(new Regex("/sandbox/woocommerce$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize in the store instead" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await page.WaitForInteractiveAsync();
        card = page.GetByLabel("WooCommerce", new() { Exact = true });
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Connected");
        await Expect(card.Locator(".connection")).ToHaveCountAsync(before == 0 ? 1 : before);
        await Expect(card.Locator(".connection").Last.Locator(".masked-token")).ToHaveTextAsync(new Regex(@"^ck_.…\S+ \(43 chars\)$|^ck_\S…\S+ \(43 chars\)$"));
    }

    [Fact]
    public async Task PrestaShop_shows_the_sandbox_stores_key_in_the_dialog_refuses_a_wrong_one_and_connects_with_it()
    {
        var (page, card) = await DashboardAsync("prestashop");

        await OpenConnectDialogAsync(page, card);
        var key = (await page.Locator(".sandbox-key[data-kind=webserviceKey] code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9]{32}$", key);
        await Expect(page.GetByLabel("Webservice key")).ToHaveValueAsync(key);
        await page.GetByLabel("Webservice key").FillAsync("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and connect" }).ClickAsync();
        await Expect(page.Locator(".connect-error")).ToContainTextAsync("did not accept");

        await page.GetByLabel("Webservice key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and connect" }).ClickAsync();
        await Expect(card.Locator(".card-notice")).ToContainTextAsync("Connected");
        await Expect(card.Locator(".connection").Last.Locator(".connection-state")).ToHaveTextAsync("Connected");
        await Expect(card.Locator(".connection").Last.Locator(".masked-token")).Not.ToContainTextAsync(key[4..^4]);
    }

    [Fact]
    public async Task A_fresh_two_day_aliexpress_grant_says_when_and_why_it_must_be_renewed_without_warning_at_once()
    {
        var (page, card) = await DashboardAsync("aliexpress");
        await OpenConnectDialogAsync(page, card);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to AliExpress" }).ClickAsync();
        await page.GetByLabel("Sandbox account").FillAsync("two-day-grant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.WaitForInteractiveAsync();

        var connection = page.GetByLabel("AliExpress", new() { Exact = true }).Locator(".connection").Last;
        await Expect(connection.Locator(".reauthorize-note")).ToContainTextAsync(new Regex(@"This authorization lasts 2 days: connect this account again by \S+ \S+ UTC \(in 1 day, 23 hours\)"));
        await Expect(connection.Locator(".reauthorize-note .reauthorize-why")).ToContainTextAsync("AliExpress apps in test status must be re-authorized every 2 days");
        await Expect(connection.Locator(".reauthorize-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator(".reauthorize-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_connect_dialog_opens_on_the_environment_that_can_connect_and_keeps_setting_names_behind_a_disclosure()
    {
        var (page, card) = await DashboardAsync("ebay");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Connect") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);

        // Only the built-in sandbox has app credentials here: the dialog opens on it, ready to continue.
        await Expect(dialog.Locator(".mud-select input").First).ToHaveValueAsync("BuiltInSandbox");
        await Expect(dialog.Locator(".mud-select").First).ToContainTextAsync("Sandbox (built-in)");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Continue to eBay" })).ToBeVisibleAsync();

        await dialog.GetByLabel("Environment").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Production" }).ClickAsync();
        var missing = dialog.Locator(".missing-credentials");
        await Expect(missing).ToContainTextAsync("Client ID");
        var settingName = missing.Locator(".how-to-configure code").First;
        await Expect(settingName).Not.ToBeVisibleAsync();
        await missing.Locator(".how-to-configure summary").ClickAsync();
        await Expect(settingName).ToBeVisibleAsync();
        var overflowing = await missing.EvaluateAsync<bool>("e => [...e.querySelectorAll('*')].some(c => c.getBoundingClientRect().right > e.getBoundingClientRect().right + 1)");
        Assert.False(overflowing, "a setting name spills out of the dialog");
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

    [Fact]
    public async Task A_background_refresh_updates_an_open_dashboard_without_reloading()
    {
        using var browserless = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var id = Guid.Parse((await browserless.ConnectAsync("tiktok", sandboxAccount: "live-demo"))["connected"]);
        var (page, card) = await DashboardAsync("tiktok");
        var accountId = (await app.Services.GetRequiredService<Marketplaces.Connections.ConnectionStore>().FindAsync(id))!.AccountId;
        var connection = card.Locator($".connection[data-account='{accountId}']");
        var before = await connection.Locator(".masked-token").TextContentAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        await app.Services.GetRequiredService<Marketplaces.Connections.TokenRefresher>().RefreshAsync(id, "scheduler");

        await Expect(connection.Locator(".masked-token")).Not.ToHaveTextAsync(before!);
        Assert.Equal(0, navigations);
    }
}
