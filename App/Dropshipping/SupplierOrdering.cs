using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Products;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dropshipping;

/// <summary>
/// Orders a customer's order from the supplier and follows it to its tracking number. The supplier order is stored,
/// request included, before the supplier is called, and one order is placed at a time (its lock, across instances):
/// an answer lost to a timeout or a crash leaves it Placing, and ordering again sends the same request under the same
/// out-order id, which the supplier does not place twice. A refusal stores what it means, in words; nothing is ordered.
/// </summary>
public sealed partial class SupplierOrdering(
    IDbContextFactory<AppDbContext> contexts, SupplierConnections suppliers, IEnumerable<ISupplierOrders> orderApis, IExclusiveLocks locks,
    ShipmentPushes shipments, MarketplaceCatalog marketplaces, DropshippingOptions options, TimeProvider clock, Notifier<Order> changes, ILogger<SupplierOrdering> logger)
{
    /// <summary>Null when the order does not exist; a plan without lines when none of its lines is bought from a supplier.</summary>
    public async Task<SupplierOrderPlan?> PlanAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;
        var skus = order.Lines.Where(l => l.Sku is not null).Select(l => l.Sku!).Distinct().ToList();
        var viaVariants = await (from v in db.Set<ProductVariant>()
                                 join s in db.Set<SupplierSkuLink>() on v.Id equals s.VariantId
                                 join l in db.Set<SupplierLink>() on s.LinkId equals l.Id
                                 where skus.Contains(v.Sku)
                                 select new { v.Sku, SkuLink = s, Link = l }).AsNoTracking().ToListAsync(ct);
        var viaProducts = await (from p in db.Set<Product>()
                                 join l in db.Set<SupplierLink>() on p.Id equals l.ProductId
                                 join s in db.Set<SupplierSkuLink>() on l.Id equals s.LinkId
                                 where s.VariantId == null && skus.Contains(p.Sku)
                                 select new { p.Sku, SkuLink = s, Link = l }).AsNoTracking().ToListAsync(ct);
        var bySku = viaVariants.Concat(viaProducts).GroupBy(x => x.Sku).ToDictionary(g => g.Key, g => g.First());
        var lines = order.Lines.Where(l => l.Sku is not null && bySku.ContainsKey(l.Sku))
            .Select(l => new SupplierPlanLine(l, bySku[l.Sku!].Link, bySku[l.Sku!].SkuLink)).ToList();
        var existing = await db.Set<SupplierOrder>().AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == orderId, ct);
        var address = existing is { State: SupplierOrderState.Refused or SupplierOrderState.Placing } ? Read(existing).Address : SupplierAddresses.From(order.ShipTo);
        return new SupplierOrderPlan(order, lines, order.Lines.Except(lines.Select(l => l.Line)).ToList(), address, existing);
    }

    /// <summary>
    /// The line as the supplier offers it now: its logistics services to the plan's country, cheapest first
    /// (<see cref="Suggested"/> picks one by the seller's rule), and what changed since import, in words.
    /// </summary>
    public async Task<SupplierLineQuote> QuoteAsync(SupplierPlanLine line, string country, string actor, CancellationToken ct = default)
    {
        var (_, api, catalog) = await suppliers.OpenAsync(line.Link.ConnectionId ?? Guid.Empty, actor, ct);
        var product = await catalog.ProductAsync(api, line.Link.SupplierProductId, country, line.Sku.Currency, ct);
        var sku = product.Skus.FirstOrDefault(s => s.SkuId == line.Sku.SkuId) ?? product.Skus.FirstOrDefault(s => s.SkuAttr == line.Sku.SkuAttr);
        var warnings = new List<string>();
        if (!product.OnSale) warnings.Add("The supplier no longer sells this product.");
        else if (sku is null) warnings.Add("The supplier no longer offers this variant.");
        else
        {
            if (sku.Stock < line.Line.Quantity) warnings.Add(sku.Stock == 0 ? "Sold out at the supplier." : $"Only {sku.Stock} left at the supplier.");
            if (sku.Price != line.Sku.Cost)
                warnings.Add($"The supplier's price changed since it was last read: {line.Sku.Cost:0.00} → {sku.Price:0.00} {line.Sku.Currency} each.");
        }
        var freight = sku is null || !product.OnSale ? []
            : await catalog.FreightAsync(api, line.Link.SupplierProductId, sku.SkuId, line.Line.Quantity, country, line.Sku.Currency, ct);
        return new SupplierLineQuote(freight, sku?.Price, warnings);
    }

    /// <summary>The cheapest service that delivers within the configured days, else the fastest of the cheapest.</summary>
    public FreightOption? Suggested(IReadOnlyList<FreightOption> quoted) =>
        quoted.Where(o => o.MaxDays is { } days && days <= options.MaxDeliveryDays).OrderBy(o => o.Fee).ThenBy(o => o.MaxDays).FirstOrDefault()
        ?? quoted.OrderBy(o => o.Fee).ThenBy(o => o.MaxDays ?? int.MaxValue).FirstOrDefault();

    /// <param name="services">Per order line (its external id), the chosen service and its quoted fee.</param>
    public async Task<SupplierOrderOutcome> PlaceAsync(Guid orderId, SupplierAddress address, IReadOnlyDictionary<string, FreightOption> services, string actor, CancellationToken ct = default)
    {
        await using var held = await locks.AcquireAsync("supplier-order", orderId.ToString(), ct);
        var plan = await PlanAsync(orderId, ct);
        if (plan is null) return SupplierOrderOutcome.Refused("This order no longer exists.");
        if (plan.Lines.Count == 0) return SupplierOrderOutcome.Refused("No line of this order is a product imported from a supplier.");
        if (!plan.CanPlace) return SupplierOrderOutcome.Refused($"This order was ordered from the supplier already: {plan.Existing!.Message}");
        if (plan.ConnectionId is not { } connectionId) return SupplierOrderOutcome.Refused("The supplier connection of these products was removed: connect AliExpress again.");

        SupplierOrderRequest request;
        var existing = plan.Existing;
        if (existing is { State: SupplierOrderState.Placing })
            request = Read(existing);
        else
        {
            address = SupplierAddresses.Normalized(address);
            if (SupplierAddresses.Problems(address) is { Count: > 0 } problems) return SupplierOrderOutcome.Refused(string.Join(" ", problems));
            if (plan.Lines.FirstOrDefault(l => !services.ContainsKey(l.Line.ExternalLineId)) is { } unchosen)
                return SupplierOrderOutcome.Refused($"Choose a shipping service for {unchosen.Line.Title}.");
            var attempt = (existing?.Attempt ?? 0) + 1;
            request = new SupplierOrderRequest($"mp-{orderId:N}-{attempt}", address,
                plan.Lines.Select(l => new SupplierOrderItem(l.Link.SupplierProductId, l.Sku.SkuAttr, l.Line.Quantity, services[l.Line.ExternalLineId].Code)).ToList(),
                options.PayAutomatically);
            existing = await SaveAsync(plan, connectionId, request, attempt, services.Values.Sum(s => s.Fee), actor, ct);
        }

        try
        {
            var (_, api, _) = await suppliers.OpenAsync(connectionId, actor, ct);
            var placement = await Api(api.Connection.Marketplace).PlaceAsync(api, request, ct);
            if (!placement.Placed)
                return await UpdateAsync(existing.Id, s => (s.State, s.Message) = (SupplierOrderState.Refused, SupplierRefusals.Describe(placement.ErrorCode!, placement.ErrorMessage)), ct);
            var outcome = await UpdateAsync(existing.Id, s =>
            {
                s.SupplierOrderIds = string.Join(',', placement.OrderIds);
                s.State = SupplierOrderState.AwaitingPayment;
                s.Message = options.PayAutomatically
                    ? $"Ordered from AliExpress (order {string.Join(", ", placement.OrderIds)}); paying with the account's saved payment method."
                    : $"Ordered from AliExpress (order {string.Join(", ", placement.OrderIds)}). Pay for it in your AliExpress orders; it ships once paid.";
            }, ct);
            LogPlaced(logger, orderId, placement.OrderIds.Count, actor);
            return outcome;
        }
        catch (MarketplaceException e) when (e.Kind is MarketplaceErrorKind.Transient)
        {
            return await UpdateAsync(existing.Id, s => s.Message =
                $"Not known whether AliExpress took the order: {e.Message}. Ordering again sends the same order, which AliExpress does not place twice.", ct);
        }
        catch (MarketplaceException e)
        {
            return await UpdateAsync(existing.Id, s => (s.State, s.Message) = (SupplierOrderState.Refused, $"{e.Message}. Nothing was ordered."), ct);
        }
    }

    /// <summary>Reads where the supplier order stands; once it shipped, its tracking, which is then sent to the selling channel when the seller wants that.</summary>
    public async Task<SupplierOrderOutcome> RefreshAsync(Guid orderId, string actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierOrder = await db.Set<SupplierOrder>().AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == orderId, ct);
        if (supplierOrder is not { State: SupplierOrderState.AwaitingPayment or SupplierOrderState.Processing or SupplierOrderState.Shipped, ConnectionId: { } connectionId })
            return SupplierOrderOutcome.Refused("There is no open supplier order to check.");
        try
        {
            var (_, api, _) = await suppliers.OpenAsync(connectionId, actor, ct);
            var orders = Api(api.Connection.Marketplace);
            if (supplierOrder.State != SupplierOrderState.Shipped)
            {
                var statuses = new List<(string Id, SupplierOrderStatus Status)>();
                foreach (var id in supplierOrder.SupplierOrderIdList) statuses.Add((id, await orders.StatusAsync(api, id, ct)));
                var progress = statuses.Min(s => s.Status.Progress);
                var closed = statuses.FirstOrDefault(s => s.Status.Progress == SupplierOrderProgress.Closed);
                await UpdateAsync(supplierOrder.Id, s =>
                {
                    s.CheckedAt = clock.GetUtcNow();
                    s.SupplierStatus = string.Join(", ", statuses.Select(x => x.Status.Status).Distinct());
                    if (statuses.All(x => x.Status.Amount is not null) && statuses.Select(x => x.Status.Currency).Distinct().Count() == 1)
                        (s.Cost, s.CostCurrency) = (statuses.Sum(x => x.Status.Amount!.Value), statuses[0].Status.Currency);
                    (s.State, s.Message) = closed.Id is not null
                        ? (SupplierOrderState.Closed, $"AliExpress closed order {closed.Id}" + (closed.Status.EndReason == "pay_timeout"
                            ? ": it was not paid in time. Order from the supplier again." : $" ({closed.Status.EndReason ?? closed.Status.Status})."))
                        : progress switch
                        {
                            SupplierOrderProgress.AwaitingPayment => (SupplierOrderState.AwaitingPayment, $"Waiting for payment: pay for AliExpress order {string.Join(", ", supplierOrder.SupplierOrderIdList)} in your AliExpress orders."),
                            SupplierOrderProgress.Processing => (SupplierOrderState.Processing, "Paid; the supplier is preparing the parcel."),
                            _ => (SupplierOrderState.Shipped, "Shipped by the supplier; waiting for its tracking number."),
                        };
                }, ct);
                if (closed.Id is not null || progress != SupplierOrderProgress.Shipped) return await OutcomeAsync(supplierOrder.Id, ct);
            }
            var parcels = new List<SupplierParcel>();
            foreach (var id in supplierOrder.SupplierOrderIdList) parcels.AddRange(await orders.TrackingAsync(api, id, ct));
            if (parcels.Count == 0) return await OutcomeAsync(supplierOrder.Id, ct);
            await UpdateAsync(supplierOrder.Id, s =>
            {
                (s.TrackingNumber, s.Carrier, s.State) = (parcels[0].TrackingNumber, parcels[0].Carrier, SupplierOrderState.Shipped);
                s.Message = $"Shipped by the supplier with {parcels[0].Carrier}, tracking {parcels[0].TrackingNumber}.";
            }, ct);
        }
        catch (MarketplaceException e)
        {
            return await UpdateAsync(supplierOrder.Id, s => (s.CheckedAt, s.Message) = (clock.GetUtcNow(), $"Could not check the supplier order: {e.Message}"), ct);
        }
        return options.PushTrackingAutomatically ? await SendTrackingAsync(orderId, actor, ct) : await OutcomeAsync(supplierOrder.Id, ct);
    }

    /// <summary>Pushes the supplier's tracking to the channel the customer bought on, for the lines bought from the supplier.</summary>
    public async Task<SupplierOrderOutcome> SendTrackingAsync(Guid orderId, string actor, CancellationToken ct = default)
    {
        var plan = await PlanAsync(orderId, ct);
        if (plan?.Existing is not { State: SupplierOrderState.Shipped, TrackingNumber: { } tracking, Carrier: { } carrier } supplierOrder)
            return SupplierOrderOutcome.Refused("There is no supplier tracking to send yet.");
        var shipped = await shipments.MarkShippedAsync(orderId,
            new ShipmentInput(carrier, tracking, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), plan.Lines.Select(l => new ShipmentLine(l.Line.ExternalLineId, l.Line.Quantity)).ToList()),
            actor, ct);
        return shipped.Succeeded
            ? await UpdateAsync(supplierOrder.Id, s => (s.State, s.TrackingSentAt, s.Message) =
                (SupplierOrderState.TrackingSent, clock.GetUtcNow(), $"Tracking {tracking} ({carrier}) sent to {marketplaces[plan.Order.Marketplace].Name}."), ct)
            : await UpdateAsync(supplierOrder.Id, s => s.Message = $"Shipped by the supplier with {carrier}, tracking {tracking}; sending it to the channel failed: {shipped.Message}", ct);
    }

    /// <summary>
    /// With <see cref="DropshippingOptions.OrderAutomatically"/>: orders from the supplier every order that came in after
    /// its products were imported and is waiting for shipment, with the suggested service per line. One that cannot be
    /// placed as it stands (an address field missing, no service offered) is left to the seller, saying why.
    /// </summary>
    public async Task<int> PlaceDueAsync(CancellationToken ct)
    {
        if (!options.OrderAutomatically) return 0;
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var since = clock.GetUtcNow() - TimeSpan.FromDays(7);
            var skus = await db.Set<ProductVariant>().Where(v => db.Set<SupplierSkuLink>().Any(s => s.VariantId == v.Id)).Select(v => v.Sku)
                .Concat(db.Set<Product>().Where(p => db.Set<SupplierLink>().Any(l => l.ProductId == p.Id && l.Skus.Any(s => s.VariantId == null))).Select(p => p.Sku))
                .ToListAsync(ct);
            due = await db.Set<Order>().Where(o => OrderStatuses.AwaitingShipment.Contains(o.Status) && o.FirstSeenAt >= since
                                                   && !db.Set<SupplierOrder>().Any(s => s.OrderId == o.Id) && o.Lines.Any(l => skus.Contains(l.Sku!)))
                .Select(o => o.Id).ToListAsync(ct);
        }
        var placed = 0;
        foreach (var orderId in due)
        {
            if (await PlanAsync(orderId, ct) is not { Lines.Count: > 0 } plan || plan.Lines.Any(l => l.Link.ImportedAt > plan.Order.CreatedAt)) continue;
            var why = SupplierAddresses.Problems(SupplierAddresses.Normalized(plan.Address)).ToList();
            var services = new Dictionary<string, FreightOption>();
            foreach (var line in plan.Lines.Where(_ => why.Count == 0))
            {
                var quote = await QuoteAsync(line, plan.Country, "automatic ordering", ct);
                if (Suggested(quote.Freight) is { } service) services[line.Line.ExternalLineId] = service;
                else why.Add($"AliExpress offers no shipping of {line.Line.Title} to {plan.Country}. {string.Join(" ", quote.Warnings)}".Trim());
            }
            if (why.Count > 0 && plan.ConnectionId is { } connectionId)
            {
                var unplaced = await SaveAsync(plan, connectionId, new SupplierOrderRequest($"mp-{orderId:N}-0", plan.Address, [], false), 0, 0, "automatic ordering", ct);
                await UpdateAsync(unplaced.Id, s => (s.State, s.Message) = (SupplierOrderState.Refused, $"Not ordered automatically: {string.Join(" ", why)} Complete it and order from the supplier."), ct);
                continue;
            }
            if ((await PlaceAsync(orderId, plan.Address, services, "automatic ordering", ct)).State is SupplierOrderState.AwaitingPayment) placed++;
        }
        return placed;
    }

    /// <summary>The job's sweep: every open supplier order checked, one after another.</summary>
    public async Task<int> RefreshOpenAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.Set<SupplierOrder>().Where(s => s.State == SupplierOrderState.AwaitingPayment || s.State == SupplierOrderState.Processing || s.State == SupplierOrderState.Shipped)
            .Select(s => s.OrderId).ToListAsync(ct);
        foreach (var orderId in open) await RefreshAsync(orderId, "supplier sync", ct);
        return open.Count;
    }

    private ISupplierOrders Api(string marketplace) => orderApis.Single(o => o.MarketplaceId == marketplace);

    private async Task<SupplierOrder> SaveAsync(SupplierOrderPlan plan, Guid connectionId, SupplierOrderRequest request, int attempt, decimal shipping, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Set<SupplierOrder>().SingleOrDefaultAsync(s => s.OrderId == plan.Order.Id, ct);
        var now = clock.GetUtcNow();
        if (row is null)
        {
            row = new SupplierOrder
            {
                Id = Guid.CreateVersion7(), OrderId = plan.Order.Id, Marketplace = "", OutOrderId = "", Request = "", Message = "", Actor = actor, CreatedAt = now,
            };
            db.Add(row);
        }
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == connectionId, ct);
        (row.ConnectionId, row.Marketplace, row.OutOrderId, row.Attempt, row.State, row.Actor) = (connectionId, connection.Marketplace, request.OutOrderId, attempt, SupplierOrderState.Placing, actor);
        (row.Request, row.SupplierOrderIds, row.SupplierStatus, row.TrackingNumber, row.Carrier) = (JsonSerializer.Serialize(request), null, null, null, null);
        (row.Cost, row.CostCurrency, row.UpdatedAt, row.Message) = (plan.ProductCost + shipping, plan.CostCurrency, now, "Sending the order to AliExpress…");
        await db.SaveChangesAsync(ct);
        return row;
    }

    private async Task<SupplierOrderOutcome> UpdateAsync(Guid id, Action<SupplierOrder> change, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
        {
            var row = await db.Set<SupplierOrder>().SingleAsync(s => s.Id == id, CancellationToken.None);
            change(row);
            row.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        changes.Changed();
        return await OutcomeAsync(id, ct);
    }

    private async Task<SupplierOrderOutcome> OutcomeAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Set<SupplierOrder>().AsNoTracking().SingleAsync(s => s.Id == id, ct);
        return new SupplierOrderOutcome(row.State, row.Message);
    }

    /// <summary>The request as stored: its address for the form, all of it for a retry.</summary>
    private static SupplierOrderRequest Read(SupplierOrder order) => JsonSerializer.Deserialize<SupplierOrderRequest>(order.Request)!;

    [LoggerMessage(LogLevel.Information, "Order {OrderId} ordered from the supplier as {Count} supplier order(s) by {Actor}")]
    private static partial void LogPlaced(ILogger logger, Guid orderId, int count, string actor);
}

/// <param name="UnitCost">What one costs at the supplier now; null when it is not offered.</param>
public sealed record SupplierLineQuote(IReadOnlyList<FreightOption> Freight, decimal? UnitCost, IReadOnlyList<string> Warnings);

/// <param name="State">Null when nothing was done (the request was refused before the supplier was called).</param>
public sealed record SupplierOrderOutcome(SupplierOrderState? State, string Message)
{
    public static SupplierOrderOutcome Refused(string message) => new(null, message);
}
