using System.Text.RegularExpressions;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Polling;

public sealed class SyncNowBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.EnsureOwnerAsync();
        // Only the button syncs here, so the card's first state is "never".
        app.StopScheduledPolling();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_now_on_an_ebay_card_shows_the_last_sync_time_moves_it_on_the_next_sync_and_lists_both_runs_in_the_history()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        var card = page.GetByLabel("eBay", new() { Exact = true });
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Connect") }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Environment").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Sandbox (built-in)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to eBay" }).ClickAsync();
        await page.GetByLabel("Sandbox account").FillAsync("sync-now-seller");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var connection = page.GetByLabel("eBay", new() { Exact = true }).Locator(".connection[data-account]").Last;
        var lastSynced = connection.Locator(".last-synced");
        await Expect(lastSynced).ToHaveTextAsync("never");

        await connection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sync now") }).ClickAsync();

        await Expect(page.GetByLabel("eBay", new() { Exact = true }).Locator(".card-notice")).ToContainTextAsync("Synced orders");
        await Expect(lastSynced).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
        var first = await lastSynced.TextContentAsync();
        await Task.Delay(1100);

        await connection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sync now") }).ClickAsync();

        await Expect(lastSynced).Not.ToHaveTextAsync(first!);
        await Expect(lastSynced).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
        // Nothing changed since the first sync: the card says so, and what the app holds, not "0 read" as if there were none.
        var held = app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.Ebay.Sandbox.Orders.EbayOrdersEmulator>().Single()
            .Book(Marketplaces.Ebay.Sandbox.EbaySandboxAccount.FromName("sync-now-seller")).List().Count;
        await Expect(page.GetByLabel("eBay", new() { Exact = true }).Locator(".card-notice")).ToContainTextAsync(
            new Regex($@"Synced orders: no new or changed orders since \d{{4}}-\d\d-\d\d \d\d:\d\d UTC; {held} held for this connection\."));

        await page.GetByRole(AriaRole.Button, new() { Name = "eBay history" }).ClickAsync();

        var syncs = page.GetByRole(AriaRole.Dialog).Locator(".history-grid tbody tr", new() { HasTextRegex = new Regex(@"Synced orders: .* held for this connection") });
        await Expect(syncs).ToHaveCountAsync(2);
        await Expect(syncs.First.Locator("td").Nth(1)).ToHaveTextAsync("Sync");
        await Expect(syncs.First).ToContainTextAsync("Succeeded");
        await Expect(syncs.First).ToContainTextAsync(TestUsers.OwnerEmail);
    }
}

public sealed class SlowSyncBrowserFixture : BrowserFixture
{
    public SlowSyncBrowserFixture()
    {
        With("Polling:SyncNowSeconds", "2");
        With("Polling:RunBudgetSeconds", "2");
        With("Polling:Feeds:orders:PageSize", "3");
    }
}

/// <summary>A "Sync now" longer than the seller waits: the card says so, shows how far the walk has come, and updates by itself.</summary>
public sealed class BackgroundSyncBrowserTests(SlowSyncBrowserFixture app) : IClassFixture<SlowSyncBrowserFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.EnsureOwnerAsync();
        app.StopScheduledPolling();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_long_sync_answers_in_seconds_shows_its_progress_on_the_card_and_the_card_shows_the_end_without_a_reload()
    {
        await SandboxAccounts.ConnectAsync(app, "ebay", "long-walk-seller");
        var book = app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.Ebay.Sandbox.Orders.EbayOrdersEmulator>().Single()
            .Book(Marketplaces.Ebay.Sandbox.EbaySandboxAccount.FromName("long-walk-seller"));
        for (var i = 0; i < 8; i++) book.Add();
        using var held = new HeldPages(book);
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        var card = page.GetByLabel("eBay", new() { Exact = true });
        var connection = card.Locator(".connection[data-account]").Last;

        await connection.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sync now") }).ClickAsync();

        await Expect(card.Locator(".card-notice")).ToContainTextAsync("so far; the rest is read in the background, as the card shows.");
        await Expect(connection.Locator(".sync-progress")).ToContainTextAsync("6 new or changed so far (2 pages); the rest is being read.");
        await Expect(connection.Locator(".last-synced")).ToHaveTextAsync("never");

        held.Release();

        await Expect(connection.Locator(".sync-progress")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(connection.Locator(".last-synced")).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
    }
}
