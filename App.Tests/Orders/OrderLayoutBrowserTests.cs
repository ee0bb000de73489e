using Marketplaces.Orders.Shipping;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Orders;

/// <summary>The order pages at a laptop's and a phone's width: nothing wider than the page, cut off or on top of something else.</summary>
public sealed class OrderLayoutBrowserTests(OrdersBrowserFixture app) : IClassFixture<OrdersBrowserFixture>
{
    /// <summary>Elements under <paramref name="selector"/> whose content is cut (wider than their box) or that reach past the window's right edge.</summary>
    private static Task<string[]> CutOffAsync(IPage page, string selector) => page.EvaluateAsync<string[]>(
        """
        selector => Array.from(document.querySelectorAll(selector + ', ' + selector + ' *'))
            .filter(e => e.getClientRects().length > 0)
            // Text for screen readers only, and a checkbox's ripple box, are clipped on purpose.
            .filter(e => !e.closest('.mud-sr-only, .mud-input-control-boolean-input'))
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'auto' && getComputedStyle(e).overflowX !== 'scroll'
                      || e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))
        """, selector);

    private static Task<bool> PageIsWiderThanWindowAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_order_page_with_a_long_shipment_fits_and_its_shipments_do_not_overlap_the_buyer(int width, int height)
    {
        var (connection, book) = await app.ConnectEbayAsync($"layout-order-{width}");
        var sold = book.Add();
        await app.SyncAsync(connection);
        var order = await app.StoredAsync(connection, sold.Id);
        await app.Services.GetRequiredService<ShipmentPushes>().MarkShippedAsync(order.Id,
            new("United Parcel Service Freight", "1Z999AA101234567841Z999AA10123456784", DateOnly.FromDateTime(DateTime.UtcNow),
                [new(order.Lines[0].ExternalLineId, 1)]), "test");
        var page = await app.SignedInPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync($"/orders/{order.Id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".shipment .shipment-state")).ToBeVisibleAsync();

        Assert.False(await PageIsWiderThanWindowAsync(page), "the order page is wider than the window");
        Assert.Empty(await CutOffAsync(page, ".shipments"));
        Assert.Empty(await CutOffAsync(page, ".order-lines"));
        Assert.Empty(await CutOffAsync(page, ".order-history"));
        var shipments = (await page.Locator(".shipments").BoundingBoxAsync())!;
        var buyer = (await page.Locator(".ship-to").BoundingBoxAsync())!;
        var overlap = shipments.X < buyer.X + buyer.Width && buyer.X < shipments.X + shipments.Width
                      && shipments.Y < buyer.Y + buyer.Height && buyer.Y < shipments.Y + shipments.Height;
        Assert.False(overlap, "the shipments overlap the buyer's address");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_csv_results_and_the_orders_list_show_every_column_uncut(int width, int height)
    {
        var (connection, book) = await app.ConnectEbayAsync($"layout-csv-{width}");
        var sold = book.Add();
        await app.SyncAsync(connection);
        var page = await app.SignedInPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/orders/ship-csv");
        await page.WaitForInteractiveAsync();
        await page.ChooseFileAsync(new FilePayload
        {
            Name = "shipped.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"{sold.Id},USPS,9400100000000000000001\nNO-SUCH-ORDER-WITH-A-RATHER-LONG-NUMBER,UPS,1Z1"),
        });
        await Expect(page.Locator(".csv-row[data-line='2'] .csv-outcome")).ToContainTextAsync("No order");
        Assert.False(await PageIsWiderThanWindowAsync(page), "the CSV page is wider than the window");
        Assert.Empty(await CutOffAsync(page, ".csv-rows"));

        await page.GotoAsync("/orders");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".orders-grid .order-channel").First).ToBeVisibleAsync();
        Assert.False(await PageIsWiderThanWindowAsync(page), "the orders list is wider than the window");
        Assert.Empty(await CutOffAsync(page, ".orders-grid tbody"));
    }
}
