using Marketplaces.AliExpress.Sandbox;
using Marketplaces.AliExpress.Sandbox.Dropship;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Products;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Dropshipping;

/// <summary>
/// The start of every dropshipping loop: the AliExpress buyer <c>{name}-buyer</c> connected and a sandbox product with
/// options imported, the eBay seller <c>{name}-seller</c> connected, and <paramref name="sales"/> eBay orders of one of
/// its variants placed on the emulator and synced.
/// </summary>
public static class DropshipSales
{
    public static async Task<DropshipSale> SellAsync(AppFactory app, string name, int productIndex, int quantity = 1, int sales = 1)
    {
        var aliExpress = await SandboxAccounts.ConnectAsync(app, "aliexpress", $"{name}-buyer");
        var supplier = app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single().Catalogue.All.Where(p => p.Options.Count > 0).ElementAt(productIndex);
        var imported = await app.Services.GetRequiredService<SupplierImports>().ImportAsync(aliExpress, supplier.ProductId.ToString(), "US", new PricingRule(100, 0, 0.99m), "owner");
        Assert.Empty(imported.Errors);
        var product = (await app.Services.GetRequiredService<ProductCatalog>().FindAsync(imported.ProductId!.Value))!;
        var variant = product.Variants.Single(v => v.Position == supplier.Skus.FindIndex(s => s.Stock > 10));
        var ebay = await SandboxAccounts.ConnectAsync(app, "ebay", $"{name}-seller");
        var book = app.Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(EbaySandboxAccount.FromName($"{name}-seller"));
        var sold = Enumerable.Range(0, sales).Select(_ => InventoryFixture.Sell(book, variant.Sku, "110011", quantity)).ToList();
        Assert.Equal(SyncResult.Synced, (await app.Services.GetRequiredService<FeedEngine>().SyncAsync(ebay, FeedNames.Orders, "test")).Result);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = sold.Select(s => s.Id).ToList();
        var orders = await db.Set<Order>().Where(o => o.ConnectionId == ebay && ids.Contains(o.ExternalId)).ToDictionaryAsync(o => o.ExternalId, o => o.Id);
        return new DropshipSale(aliExpress, supplier, product, variant, book, sold.Select(s => (orders[s.Id], s)).ToList());
    }
}

/// <summary>A sale ordered from the supplier as a seller would: the address completed, the suggested service per line.</summary>
public static class DropshipOrders
{
    /// <summary>The sandbox's addresses have no phone, and those in Britain and Germany no county: the seller fills them in.</summary>
    public static SupplierAddress Complete(SupplierAddress address) =>
        address with { Phone = "+1 555 0100", Province = address.Province.Length > 0 ? address.Province : address.City };

    /// <summary>The service the order page preselects for each line (the cheapest within the delivery limit).</summary>
    public static async Task<Dictionary<string, FreightOption>> ServicesAsync(SupplierOrdering ordering, SupplierOrderPlan plan)
    {
        var chosen = new Dictionary<string, FreightOption>();
        foreach (var line in plan.Lines) chosen[line.Line.ExternalLineId] = ordering.Suggested((await ordering.QuoteAsync(line, plan.Country, "owner")).Freight)!;
        return chosen;
    }

    public static async Task<SandboxDsOrder> PlaceAsync(AppFactory app, Guid orderId)
    {
        var ordering = app.Services.GetRequiredService<SupplierOrdering>();
        var plan = (await ordering.PlanAsync(orderId))!;
        var placed = await ordering.PlaceAsync(orderId, Complete(plan.Address), await ServicesAsync(ordering, plan), "owner");
        Assert.True(placed.State == SupplierOrderState.AwaitingPayment, placed.Message);
        var prefix = $"mp-{orderId:N}-";
        return app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single().Orders.All.Single(o => o.OutOrderId?.StartsWith(prefix, StringComparison.Ordinal) == true);
    }
}

/// <param name="Orders">Each sale: the app's order id and the emulator's order.</param>
public sealed record DropshipSale(
    Guid AliExpress, SandboxDsProduct Supplier, Product Product, ProductVariant Variant, SandboxOrderBook Book, IReadOnlyList<(Guid OrderId, SandboxOrder Sale)> Orders)
{
    public Guid OrderId => Orders[0].OrderId;
    public SandboxOrder Sale => Orders[0].Sale;
}
