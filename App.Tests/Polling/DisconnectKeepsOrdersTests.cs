using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>Disconnecting an account keeps its orders unless the seller deletes them; connecting it again picks them up.</summary>
public sealed class DisconnectKeepsOrdersTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private Disconnector Disconnector => app.Services.GetRequiredService<Disconnector>();
    private ConnectionStore Store => app.Services.GetRequiredService<ConnectionStore>();

    [Fact]
    public async Task A_disconnected_account_keeps_its_orders_is_no_longer_read_or_written_and_comes_back_with_them_when_connected_again()
    {
        var (connection, _) = await app.ConnectEbayAsync("disconnect-keeps-seller");
        var name = (await Store.FindAsync(connection))!.DisplayName;
        await app.SyncOrdersAsync(connection);
        var orders = await app.StoredOrdersAsync(connection);
        Assert.NotEmpty(orders);

        var outcome = await Disconnector.DisconnectAsync(connection, TestUsers.OwnerEmail);

        Assert.Equal($"Disconnected {name}; its {orders.Count} orders are kept.", outcome.Message);
        var kept = (await Store.FindAsync(connection))!;
        Assert.Equal(ConnectionState.Disconnected, kept.State);
        Assert.Null(kept.TokenPreview);
        Assert.Empty(await Store.ReadSecretsAsync(connection));
        Assert.Equal(orders.Count, (await app.StoredOrdersAsync(connection)).Count);
        Assert.DoesNotContain(await app.Services.GetRequiredService<FeedSweep>().DueAsync(DateTimeOffset.UtcNow.AddDays(1), default), due => due.ConnectionId == connection);
        Assert.Equal(SyncResult.Skipped, (await app.SyncOrdersAsync(connection)).Result);
        var refused = await app.Shipments.MarkShippedAsync(orders[0].Id, new ShipmentInput("UPS", "1Z999AA10123456784", DateOnly.FromDateTime(DateTime.UtcNow), []), "test");
        Assert.Null(refused.State);
        Assert.Contains("connected again", refused.Message);

        var again = await app.ConnectEbayAsync("disconnect-keeps-seller");

        Assert.Equal(connection, again.Connection);
        Assert.Equal(ConnectionState.Connected, (await Store.FindAsync(connection))!.State);
        Assert.Equal(orders.Count, (await app.StoredOrdersAsync(connection)).Count);
    }

    [Fact]
    public async Task The_seller_may_delete_the_orders_on_disconnecting_or_later()
    {
        var (now, _) = await app.ConnectEbayAsync("disconnect-deletes-seller");
        await app.SyncOrdersAsync(now);
        var (later, _) = await app.ConnectEbayAsync("disconnect-deletes-later-seller");
        await app.SyncOrdersAsync(later);

        Assert.EndsWith("its orders were deleted from this app.", (await Disconnector.DisconnectAsync(now, "test", deleteOrders: true)).Message);
        Assert.Null(await Store.FindAsync(now));
        Assert.Empty(await app.StoredOrdersAsync(now));

        var count = (await app.StoredOrdersAsync(later)).Count;
        var name = (await Store.FindAsync(later))!.DisplayName;
        await Disconnector.DisconnectAsync(later, "test");
        var deleted = await Disconnector.DeleteKeptOrdersAsync(later, TestUsers.OwnerEmail);
        Assert.Equal((true, $"Deleted {name}'s {count} orders from this app."), (deleted.Deleted, deleted.Message));
        Assert.False((await Disconnector.DeleteKeptOrdersAsync(later, TestUsers.OwnerEmail)).Deleted);
        Assert.Null(await Store.FindAsync(later));
        Assert.Empty(await app.StoredOrdersAsync(later));
    }
}
