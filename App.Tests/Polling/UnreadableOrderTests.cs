using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Orders.Listing;
using Marketplaces.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

public sealed class PostgreSqlPollingFixture : PollingFixture
{
    public PostgreSqlPollingFixture() => OnPostgreSql();
}

public sealed class UnreadableOrdersOnSqlite(PollingFixture app) : UnreadableOrderTests<PollingFixture>(app);

public sealed class UnreadableOrdersOnPostgreSql(PostgreSqlPollingFixture app) : UnreadableOrderTests<PostgreSqlPollingFixture>(app);

/// <summary>
/// Orders a marketplace may send that no mapping or index can take as they are (issue 11): an amount that is not a
/// number, a NUL or an unpaired surrogate in a name, a 3 KB id. The rest of the page is stored; text is cleaned (NUL
/// dropped, the surrogate replaced, the id cut with a marker), and an order that cannot be read is kept as needing
/// attention with its reason, and clears once the marketplace sends it readable.
/// </summary>
public abstract class UnreadableOrderTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : PollingFixture
{
    [Fact]
    public async Task Bad_records_are_kept_as_needing_attention_or_cleaned_and_every_other_order_of_the_page_is_stored()
    {
        var (connection, seller) = await app.ConnectEbayAsync("hostile-data-seller");
        var book = app.EbayOrders(seller);
        var added = book.AddMany(6);
        var (badMoney, nul, surrogate, longId) = (added[0], added[1], added[2], added[3]);
        book.Update(badMoney.Id, o =>
        {
            o.Lines.RemoveRange(1, o.Lines.Count - 1);
            (o.Lines[0].Quantity, o.Lines[0].UnitPrice, o.ShippingCost) = (1, 777.77m, 0m);
        });
        var hugeId = new string('9', 3_000);
        book.RewriteAnswers(json => json
            .Replace("\"777.77\"", "\"7,77.x\"")
            .Replace($"\"{OrderJson.BuyerUsername(nul)}\"", $"\"{OrderJson.BuyerUsername(nul)}\\u0000x\"")
            .Replace($"\"{OrderJson.BuyerUsername(surrogate)}\"", $"\"{OrderJson.BuyerUsername(surrogate)}\\ud800\"")
            .Replace($"\"{longId.Id}\"", $"\"{hugeId}\""));

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.True(outcome.Result == SyncResult.Synced, outcome.Message);
        var stored = (await app.StoredOrdersAsync(connection)).ToDictionary(o => o.ExternalId);
        Assert.Equal(book.List().Count, stored.Count);
        var flagged = stored[badMoney.Id];
        Assert.Equal(OrderStatus.NeedsAttention, flagged.Status);
        Assert.Contains("is not an amount: \"7,77.x\"", flagged.Problem);
        Assert.Contains("7,77.x", flagged.RawPayload);
        Assert.Equal(OrderJson.BuyerUsername(nul) + "x", stored[nul.Id].BuyerName);
        // An escaped unpaired surrogate is cleaned like a NUL, not a reason to set the order aside.
        Assert.Equal(OrderJson.BuyerUsername(surrogate) + "\uFFFD", stored[surrogate.Id].BuyerName);
        Assert.Null(stored[surrogate.Id].Problem);
        var cut = Assert.Single(stored.Keys, k => k.StartsWith("999", StringComparison.Ordinal));
        Assert.Equal(255, cut.Length);
        Assert.EndsWith(StoredText.CutMarker.ToString(), cut);
        var listed = await app.Services.GetRequiredService<OrderQueries>()
            .PageAsync(new OrderListFilter(ConnectionId: connection, Status: OrderStatus.NeedsAttention), OrderSort.Newest, 0, 25);
        Assert.Equal([badMoney.Id], listed.Rows.Select(r => r.OrderNumber));

        book.RewriteAnswers(null);
        await app.SyncOrdersAsync(connection);

        var cleared = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == badMoney.Id);
        Assert.Null(cleared.Problem);
        Assert.Equal((OrderStatus.Unfulfilled, 777.77m, "USD"), (cleared.Status, cleared.Total, cleared.Currency));
        Assert.Equal(OrderJson.BuyerUsername(surrogate), (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == surrogate.Id).BuyerName);
    }

    [Fact]
    public async Task An_amazon_total_that_is_not_a_number_is_kept_aside_in_words_never_as_a_silent_zero()
    {
        var seller = await Amazon.Orders.AmazonSeller.ConnectAsync(app, "hostile-money-amazon");
        var added = seller.Book.AddMany(3);
        seller.Book.Update(added[0].Id, o =>
        {
            o.Lines.RemoveRange(1, o.Lines.Count - 1);
            (o.Lines[0].Quantity, o.Lines[0].UnitPrice, o.ShippingCost) = (1, 555.55m, 0m);
        });
        seller.Book.RewriteAnswers(json => json.Replace("\"amount\":\"555.55\"", "\"amount\":\"about five hundred\""));

        var outcome = await app.SyncOrdersAsync(seller.Connection);

        Assert.True(outcome.Result == SyncResult.Synced, outcome.Message);
        var stored = (await app.StoredOrdersAsync(seller.Connection)).ToDictionary(o => o.ExternalId);
        var flagged = stored[added[0].Id];
        Assert.Equal(OrderStatus.NeedsAttention, flagged.Status);
        Assert.Contains("about five hundred", flagged.Problem);
        Assert.All(added.Skip(1), o => Assert.NotEqual(OrderStatus.NeedsAttention, stored[o.Id].Status));
        Assert.All(stored.Values.Where(o => o.Status != OrderStatus.NeedsAttention), o => Assert.NotEqual("", o.Currency));
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("a\0b")]
    [InlineData("ünïcødé 🎁")]
    public async Task Search_takes_any_input_without_an_error(string search)
    {
        var page = await app.Services.GetRequiredService<OrderQueries>().PageAsync(new OrderListFilter(Search: search), OrderSort.Newest, 0, 25);

        Assert.NotNull(page);
    }

    [Fact]
    public async Task Search_takes_ten_kilobytes()
    {
        var page = await app.Services.GetRequiredService<OrderQueries>().PageAsync(new OrderListFilter(Search: new string('x', 10_240)), OrderSort.Newest, 0, 25);

        Assert.Empty(page.Rows);
    }
}
