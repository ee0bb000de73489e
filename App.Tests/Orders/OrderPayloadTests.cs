using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Tests.Orders;

/// <summary>The marketplace's own JSON for an order is kept as it came, for the order page and for later calls that need its ids.</summary>
public sealed class OrderPayloadTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_payload_is_stored_byte_for_byte_with_its_key_order_spacing_and_number_forms(DatabaseProvider provider)
    {
        await using var app = new PollingFixture();
        app.On(provider);
        await app.InitializeAsync();
        var connectionId = await app.ConnectAsync("ebay", "payload-shop");
        const string payload = "{ \"orderId\": \"P-1\",  \"b\": 1.50, \"a\": [2, 1e3], \"note\": \"caf\\u00e9\" }";

        await using (var db = await app.ContextAsync())
        {
            var connection = await db.Set<Connection>().SingleAsync(c => c.Id == connectionId);
            await using var tx = await db.Database.BeginTransactionAsync();
            await OrderUpserts.UpsertAsync(db, connection, [new MarketplaceOrder("P-1", OrderStatus.Unfulfilled, "NOT_STARTED", "Buyer",
                "USD", 1.5m, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, payload, [])], DateTimeOffset.UtcNow, default);
            await tx.CommitAsync();
        }

        Assert.Equal(payload, (await app.StoredOrdersAsync(connectionId)).Single().RawPayload);
    }
}
