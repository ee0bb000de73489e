using Marketplaces.Connections;

namespace Marketplaces.Polling;

/// <summary>What a feed needs to read one connection: its marketplace API and the page size.</summary>
public sealed class FeedContext(
    Connection connection, MarketplaceTarget target, int pageSize, HttpClient http, ConnectionStore store, TokenRefresher refresher,
    TimeProvider clock, string actor)
    : ConnectionApi(connection, target, http, store, refresher, clock, actor)
{
    public int PageSize => pageSize;
}
