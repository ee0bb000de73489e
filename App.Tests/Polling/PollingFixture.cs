using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>
/// The app with eBay orders read 3 to a page and the poll job paused, so each test decides when a sync runs. Tests
/// connect sellers of their own and so share the app without sharing cursors.
/// </summary>
public class PollingFixture : ServerAppFactory
{
    public const int PageSize = 3;

    public PollingFixture() => With("Polling:Feeds:orders:PageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        this.StopScheduledPolling();
        this.StopScheduledSupplierWork();
    }

    public FeedEngine Engine => Services.GetRequiredService<FeedEngine>();

    /// <summary>The eBay emulator's orders of <paramref name="seller"/>.</summary>
    public SandboxOrderBook EbayOrders(EbaySandboxAccount seller) =>
        Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(seller);

    /// <summary>Connects the built-in sandbox's eBay user <paramref name="name"/>, as a seller would.</summary>
    public async Task<(Guid Connection, EbaySandboxAccount Seller)> ConnectEbayAsync(string name) =>
        (await ConnectAsync("ebay", name), EbaySandboxAccount.FromName(name));

    public Task<Guid> ConnectAsync(string marketplace, string sandboxAccount) => SandboxAccounts.ConnectAsync(this, marketplace, sandboxAccount);

    public ShipmentPushes Shipments => Services.GetRequiredService<ShipmentPushes>();

    public SandboxOrderBooks SandboxOrderBooks => Services.GetRequiredService<SandboxOrderBooks>();

    public async Task<List<Shipment>> StoredShipmentsAsync(Guid order)
    {
        await using var db = await ContextAsync();
        return await db.Set<Shipment>().AsNoTracking().Where(s => s.OrderId == order).ToListAsync();
    }

    public async Task<List<OrderEvent>> OrderEventsAsync(Guid order)
    {
        await using var db = await ContextAsync();
        return await db.Set<OrderEvent>().AsNoTracking().Where(e => e.OrderId == order).OrderBy(e => e.Id).ToListAsync();
    }

    public Task<SyncOutcome> SyncOrdersAsync(Guid connection, CancellationToken ct = default) =>
        Engine.SyncAsync(connection, FeedNames.Orders, "test", ct);

    public async Task<List<Order>> StoredOrdersAsync(Guid connection)
    {
        await using var db = await ContextAsync();
        return await db.Set<Order>().AsNoTracking().Include(o => o.Lines).Where(o => o.ConnectionId == connection).ToListAsync();
    }

    public async Task<FeedCursor> CursorAsync(Guid connection)
    {
        await using var db = await ContextAsync();
        return await db.Set<FeedCursor>().AsNoTracking().SingleAsync(c => c.ConnectionId == connection && c.Feed == FeedNames.Orders);
    }

    /// <summary>As if the connection's feeds were last attempted <paramref name="ago"/>, so the sweep finds them due.</summary>
    public async Task LastAttemptedAsync(Guid connection, TimeSpan ago)
    {
        await using var db = await ContextAsync();
        await db.Set<FeedCursor>().Where(c => c.ConnectionId == connection)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastAttemptAt, DateTimeOffset.UtcNow - ago));
    }

    public async Task<AppDbContext> ContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public Task<IReadOnlyDictionary<string, string>> SecretsAsync(Guid connection) =>
        Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(connection);
}
