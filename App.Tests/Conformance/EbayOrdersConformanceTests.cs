using Marketplaces.Polling;
using Marketplaces.Tests.Polling;

namespace Marketplaces.Tests.Conformance;

/// <summary>The app's eBay orders sync, page by page, holds to the Fulfillment API spec in both directions.</summary>
public sealed class EbayOrdersConformanceTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task Every_call_of_an_orders_sync_and_every_answer_conform_to_the_fulfillment_spec()
    {
        var (connection, seller) = await app.ConnectEbayAsync("conformance-seller");
        for (var i = 0; i < 4; i++) app.EbayOrders(seller).Add();
        var pages = (app.EbayOrders(seller).List().Count + PollingFixture.PageSize - 1) / PollingFixture.PageSize;

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        Assert.Equal(pages, app.Conformance.Exchanges["ebay"]);
        app.Conformance.AssertClean();
    }
}
