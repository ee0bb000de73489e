using System.Diagnostics;
using Marketplaces.Sandbox;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Webhooks;

/// <summary>The browser, with webhooks subscribed on connect and scheduled polling stopped.</summary>
public sealed class WebhooksBrowserFixture : BrowserFixture
{
    public WebhooksBrowserFixture() => With("Webhooks:Subscribe", "true");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
    }
}

public sealed class WebhooksBrowserTests(WebhooksBrowserFixture app) : IClassFixture<WebhooksBrowserFixture>
{
    [Fact]
    public async Task An_order_placed_on_shopify_appears_in_an_open_orders_list_within_five_seconds()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "shopify", "hooks-browser");
        var shop = SandboxAccounts.ShopOf("hooks-browser");
        var emulator = app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single();
        await WebhooksFixture.SubscribedAsync(app.Services, connection);
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/orders");
        await page.WaitForInteractiveAsync();

        var order = emulator.Book(shop).Add();
        var placed = Stopwatch.StartNew();

        await Expect(page.Locator(".orders-grid tbody tr", new() { HasText = ShopifyOrderJson.Name(order) })).ToBeVisibleAsync(new() { Timeout = 5000 });
        Assert.True(placed.Elapsed < TimeSpan.FromSeconds(5), $"{placed.Elapsed}");
    }

    [Fact]
    public async Task The_dashboard_shows_each_accounts_webhooks_and_the_last_event()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "shopify", "hooks-card");
        var shop = SandboxAccounts.ShopOf("hooks-card");
        var emulator = app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single();
        await WebhooksFixture.SubscribedAsync(app.Services, connection);
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        var row = page.Locator($".webhooks-panel .webhook-state[data-connection='{connection}']");
        await Expect(row.Locator(".webhook-topics")).ToHaveTextAsync("ORDERS_CREATE, ORDERS_UPDATED");
        await Expect(row.Locator(".webhook-last-event")).ToHaveTextAsync("none yet");

        emulator.Book(shop).Add();

        await Expect(row.Locator(".webhook-last-event")).ToHaveTextAsync("just now");
        await Expect(row.Locator(".webhook-counts")).ToContainTextAsync("1 event");
    }
}
