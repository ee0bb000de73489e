using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Marketplaces.Tests.Orders;

public sealed class ZzShotsTests(OrdersBrowserFixture app) : IClassFixture<OrdersBrowserFixture>
{
    [Fact]
    public async Task Shots()
    {
        var (connection, book) = await app.ConnectEbayAsync("shots-ebay");
        var sold = book.Add();
        book.AddMany(4);
        await app.SyncAsync(connection);
        await SandboxAccounts.ConnectAsync(app, "aliexpress", "shots-ali");
        var order = await app.StoredAsync(connection, sold.Id);
        foreach (var width in new[] { 1366, 390 })
        {
            var page = await app.SignedInPageAsync();
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            foreach (var (name, url) in new[] { ("dash", "/"), ("orders", "/orders"), ("order", $"/orders/{order.Id}"), ("csv", "/orders/ship-csv"), ("settings", "/settings") })
            {
                await page.GotoAsync(url);
                await page.WaitForInteractiveAsync();
                await Task.Delay(800);
                await page.ScreenshotAsync(new() { Path = $"/tmp/shots/{name}-{width}.png", FullPage = true });
            }
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
            await page.Locator(".marketplace-card[data-marketplace=amazon] button:has-text('Connect')").First.ClickAsync();
            await Task.Delay(1000);
            await page.ScreenshotAsync(new() { Path = $"/tmp/shots/connect-{width}.png", FullPage = false });
            await page.ReloadAsync(); await page.WaitForInteractiveAsync();
            await page.Locator(".marketplace-card[data-marketplace=prestashop] button:has-text('Connect')").First.ClickAsync();
            await Task.Delay(1000);
            await page.ScreenshotAsync(new() { Path = $"/tmp/shots/connect-ps-{width}.png", FullPage = false });
        }
    }
}
