using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        await app.Services.GetRequiredService<Marketplaces.Orders.Shipping.ShipmentPushes>().MarkShippedAsync(order.Id,
            new("United Parcel Service Freight", "1Z999AA101234567841Z999AA10123456784", DateOnly.FromDateTime(DateTime.UtcNow), [new(order.Lines[0].ExternalLineId, 1)]), "test");
        foreach (var width in new[] { 1366, 390 })
        {
            var page = await app.SignedInPageAsync();
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            foreach (var (name, url) in new[] { ("dash", "/"), ("orders", "/orders"), ("order", $"/orders/{order.Id}") })
            {
                await page.GotoAsync(url);
                await page.WaitForInteractiveAsync();
                await Task.Delay(800);
                await page.ScreenshotAsync(new() { Path = $"/tmp/shots/{name}-{width}.png", FullPage = true });
            }
            await page.GotoAsync("/orders/ship-csv");
            await page.WaitForInteractiveAsync();
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "shipped.csv", MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes($"order,carrier,tracking\n{book.List()[2].Id},USPS,9400100000000000000001\nNO-SUCH-ORDER-WITH-A-LONG-NUMBER,UPS,1Z1\n{sold.Id},,X\n{sold.Id},DHL,JD014600006281230701"),
            });
            await Task.Delay(1000);
            await page.ScreenshotAsync(new() { Path = $"/tmp/shots/csv-{width}.png", FullPage = true });
        }
    }
}
