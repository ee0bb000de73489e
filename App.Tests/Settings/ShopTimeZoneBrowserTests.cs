using System.Text.RegularExpressions;
using Marketplaces.Settings;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Settings;

/// <summary>The shop's time zone, chosen on the Settings page, is the one every date is shown in, named.</summary>
public sealed class ShopTimeZoneBrowserTests(OrdersBrowserFixture app) : IClassFixture<OrdersBrowserFixture>
{
    [Fact]
    public async Task The_owner_chooses_the_shops_time_zone_and_the_orders_show_their_dates_in_it()
    {
        var (connection, book) = await app.ConnectEbayAsync("zone-browser-ebay");
        var sold = book.Add();
        await app.SyncAsync(connection);
        var order = await app.StoredAsync(connection, sold.Id);
        var tokyo = ShopZone.Find("Asia/Tokyo")!;
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/settings");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Shop" }).ClickAsync();
        var zone = page.Locator(".time-zone input");
        await Expect(zone).ToHaveValueAsync("UTC");
        await zone.FillAsync("Asia/Tok");
        await page.GetByRole(AriaRole.Option, new() { Name = "Asia/Tokyo", Exact = true }).ClickAsync();
        await Expect(page.Locator(".time-zone")).ToContainTextAsync(new Regex(@"Now there: \d{4}-\d\d-\d\d \d\d:\d\d JST"));
        // Under load the autocomplete's list can open again as the chosen value re-renders; a seller would press Escape.
        if (await page.GetByRole(AriaRole.Option).CountAsync() > 0) await zone.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await Expect(zone).ToHaveValueAsync("Asia/Tokyo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Time zone saved: Asia/Tokyo.");

        await page.GotoAsync($"/orders?connection={connection}");
        await page.WaitForInteractiveAsync();
        var row = page.Locator(".orders-grid tbody tr", new() { HasText = sold.Id });
        await Expect(row.Locator(".order-created")).ToHaveTextAsync(tokyo.Date(order.CreatedAt));
        await Expect(row).ToContainTextAsync($"{tokyo.Time(order.CreatedAt)} JST");

        await page.GotoAsync($"/orders/{order.Id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".order-event[data-kind=FirstSeen]")).ToContainTextAsync(tokyo.Format(order.FirstSeenAt));

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".orders-chart")).ToHaveAttributeAsync("aria-label", "Orders per day (Asia/Tokyo), last 30 days, per channel");
        await Expect(page.Locator(".last-synced").First).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST$"));
        Assert.Equal("Asia/Tokyo", (await app.Services.GetRequiredService<ShopTimeZone>().CurrentAsync()).Id);
    }

    [Fact]
    public async Task A_name_that_is_no_time_zone_is_refused_and_nothing_changes()
    {
        var before = (await app.Services.GetRequiredService<ShopTimeZone>().CurrentAsync()).Id;

        Assert.False(await app.Services.GetRequiredService<ShopTimeZone>().SaveAsync("Mars/Olympus_Mons"));

        Assert.Equal(before, (await app.Services.GetRequiredService<ShopTimeZone>().CurrentAsync()).Id);
    }
}
