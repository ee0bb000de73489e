using Marketplaces.AliExpress.Sandbox;
using Marketplaces.AliExpress.Sandbox.Dropship;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Orders;
using Marketplaces.Products;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Dropshipping;

/// <summary>
/// The dropshipping loop through the app's clients and the emulators over HTTP: an eBay sale of an imported variant is
/// ordered from AliExpress (address mapped, out_order_id kept so a retry never orders twice), followed through payment
/// and shipment, and its tracking reaches the eBay emulator as a shipment.
/// </summary>
public class SupplierOrderingTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private SupplierOrdering Ordering => app.Services.GetRequiredService<SupplierOrdering>();
    private AliExpressEmulator AliExpress => app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single();

    private async Task<(Guid OrderId, SandboxDsProduct Supplier, ProductVariant Variant, Marketplaces.Sandbox.Orders.SandboxOrderBook Book, string EbayOrderId)> SoldAsync(
        string name, int productIndex, int quantity)
    {
        var sale = await DropshipSales.SellAsync(app, name, productIndex, quantity);
        return (sale.OrderId, sale.Supplier, sale.Variant, sale.Book, sale.Sale.Id);
    }

    private static SupplierAddress Complete(SupplierAddress address) => DropshipOrders.Complete(address);

    private Task<Dictionary<string, FreightOption>> ServicesAsync(SupplierOrderPlan plan) => DropshipOrders.ServicesAsync(Ordering, plan);

    [Fact]
    public async Task A_sold_variant_is_ordered_once_followed_to_its_tracking_and_the_tracking_reaches_the_ebay_order()
    {
        var (orderId, supplier, variant, book, ebayOrderId) = await SoldAsync("loop", 0, 2);
        var sku = supplier.Skus[variant.Position];
        var stockBefore = sku.Stock;

        var plan = (await Ordering.PlanAsync(orderId))!;
        var line = Assert.Single(plan.Lines);
        Assert.Equal(sku.SkuAttr, line.Sku.SkuAttr);
        Assert.Empty(plan.Unlinked);
        Assert.True(plan.CanPlace);
        Assert.Equal(book.Find(ebayOrderId)!.ShipTo.CountryCode, plan.Country);
        var services = await ServicesAsync(plan);
        Assert.Equal("CAINIAO_STANDARD", services[line.Line.ExternalLineId].Code);

        var placed = await Ordering.PlaceAsync(orderId, Complete(plan.Address), services, "owner");
        Assert.Equal(SupplierOrderState.AwaitingPayment, placed.State);
        var aeOrder = Assert.Single(AliExpress.Orders.All, o => o.OutOrderId == $"mp-{orderId:N}-1");
        Assert.Contains(aeOrder.OrderId.ToString(), placed.Message);
        Assert.Equal(stockBefore - 2, sku.Stock);
        Assert.Equal(2, Assert.Single(aeOrder.Items).Count);

        // Ordering again is refused; an answer lost on the way (the row left Placing) sends the same order, placed once.
        Assert.Null((await Ordering.PlaceAsync(orderId, plan.Address, services, "owner")).State);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await db.Set<SupplierOrder>().Where(s => s.OrderId == orderId).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SupplierOrderState.Placing).SetProperty(x => x.SupplierOrderIds, (string?)null));
        Assert.Equal(SupplierOrderState.AwaitingPayment, (await Ordering.PlaceAsync(orderId, plan.Address, new Dictionary<string, FreightOption>(), "owner")).State);
        Assert.Single(AliExpress.Orders.All, o => o.OutOrderId == $"mp-{orderId:N}-1");
        Assert.Equal(stockBefore - 2, sku.Stock);

        Assert.Equal(SupplierOrderState.AwaitingPayment, (await Ordering.RefreshAsync(orderId, "test")).State);
        AliExpress.Orders.Pay(aeOrder.OrderId);
        Assert.Equal(SupplierOrderState.Processing, (await Ordering.RefreshAsync(orderId, "test")).State);
        AliExpress.Orders.Ship(aeOrder.OrderId);
        var sent = await Ordering.RefreshAsync(orderId, "test");
        Assert.Equal(SupplierOrderState.TrackingSent, sent.State);
        Assert.Contains(aeOrder.TrackingNumber, sent.Message);

        var shipment = Assert.Single(book.Find(ebayOrderId)!.Shipments);
        Assert.Equal(aeOrder.TrackingNumber, shipment.TrackingNumber);
        Assert.Equal("Cainiao", shipment.Carrier);
        var stored = (await Ordering.PlanAsync(orderId))!.Existing!;
        Assert.Equal((aeOrder.Items.Sum(i => i.Price * i.Count + i.ShippingFee), "USD"), (stored.Cost!.Value, stored.CostCurrency));
    }

    [Fact]
    public async Task Refusals_say_what_to_do_and_order_nothing()
    {
        var (orderId, supplier, _, _, _) = await SoldAsync("refused", 1, 1);
        var plan = (await Ordering.PlanAsync(orderId))!;
        var services = await ServicesAsync(plan);

        var noPhone = await Ordering.PlaceAsync(orderId, Complete(plan.Address) with { Phone = "" }, services, "owner");
        Assert.Null(noPhone.State);
        Assert.Contains("phone number", noPhone.Message);
        var brazil = await Ordering.PlaceAsync(orderId, Complete(plan.Address) with { Country = "BR" }, services, "owner");
        Assert.Contains("CPF", brazil.Message);
        Assert.Null((await Ordering.PlanAsync(orderId))!.Existing);

        // The supplier's stock went meanwhile: AliExpress refuses, and the order can be tried again later.
        var sku = supplier.Skus[(await Ordering.PlanAsync(orderId))!.Lines[0].Sku.SkuAttr == "" ? 0 : supplier.Skus.FindIndex(s => s.SkuAttr == plan.Lines[0].Sku.SkuAttr)];
        var stock = sku.Stock;
        AliExpress.Catalogue.Change(supplier.ProductId, _ => sku.Stock = 0);
        try
        {
            var quote = await Ordering.QuoteAsync(plan.Lines[0], plan.Country, "owner");
            Assert.Contains("Sold out at the supplier.", quote.Warnings);
            var soldOut = await Ordering.PlaceAsync(orderId, Complete(plan.Address), services, "owner");
            Assert.True(soldOut.State == SupplierOrderState.Refused, soldOut.Message);
            Assert.StartsWith("The supplier has not enough stock of a variant", soldOut.Message);
            Assert.DoesNotContain(AliExpress.Orders.All, o => o.OutOrderId?.StartsWith($"mp-{orderId:N}") == true);
        }
        finally
        {
            AliExpress.Catalogue.Change(supplier.ProductId, _ => sku.Stock = stock);
        }
        var again = await Ordering.PlaceAsync(orderId, Complete(plan.Address), services, "owner");
        Assert.Equal(SupplierOrderState.AwaitingPayment, again.State);
        Assert.Single(AliExpress.Orders.All, o => o.OutOrderId == $"mp-{orderId:N}-2");
    }

    [Fact]
    public async Task With_automatic_ordering_a_new_sale_is_ordered_by_the_job_or_left_to_the_seller_saying_why()
    {
        var options = app.Services.GetRequiredService<DropshippingOptions>();
        var (incomplete, _, _, _, _) = await SoldAsync("auto-incomplete", 3, 1);
        var (complete, _, _, _, _) = await SoldAsync("auto-complete", 4, 1);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var order = await db.Set<Order>().SingleAsync(o => o.Id == complete);
            order.ShipTo = order.ShipTo! with { Phone = "+1 555 0100", Region = order.ShipTo.Region is { Length: > 0 } region ? region : "County" };
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await Ordering.PlaceDueAsync(CancellationToken.None));
        options.OrderAutomatically = true;
        try
        {
            Assert.Equal(1, await Ordering.PlaceDueAsync(CancellationToken.None));
            Assert.Equal(0, await Ordering.PlaceDueAsync(CancellationToken.None));
        }
        finally
        {
            options.OrderAutomatically = false;
        }
        var placed = (await Ordering.PlanAsync(complete))!.Existing!;
        Assert.Equal((SupplierOrderState.AwaitingPayment, "automatic ordering"), (placed.State, placed.Actor));
        Assert.Single(AliExpress.Orders.All, o => o.OutOrderId == $"mp-{complete:N}-1");
        var left = (await Ordering.PlanAsync(incomplete))!;
        Assert.Equal(SupplierOrderState.Refused, left.Existing!.State);
        Assert.Matches(@"^Not ordered automatically: Enter the (state|buyer's phone).* Complete it and order from the supplier\.$", left.Existing.Message);
        Assert.True(left.CanPlace);
    }
}
