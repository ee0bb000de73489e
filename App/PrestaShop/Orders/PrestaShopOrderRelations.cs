using System.Text.Json;

namespace Marketplaces.PrestaShop.Orders;

/// <summary>
/// What a page of orders refers to by id — customers, delivery addresses and their countries and states, order
/// states, currencies — each read in one call for the whole page (<c>display=full&amp;filter[id]=[1|2|3]</c>).
/// </summary>
public sealed record PrestaShopOrderRelations(
    IReadOnlyDictionary<string, JsonElement> Customers,
    IReadOnlyDictionary<string, JsonElement> Addresses,
    IReadOnlyDictionary<string, JsonElement> Countries,
    IReadOnlyDictionary<string, JsonElement> States,
    IReadOnlyDictionary<string, JsonElement> OrderStates,
    IReadOnlyDictionary<string, JsonElement> Currencies)
{
    public static async Task<PrestaShopOrderRelations> ReadAsync(PrestaShopApi api, IReadOnlyList<JsonElement> orders, CancellationToken ct)
    {
        if (orders.Count == 0) return Empty;
        IEnumerable<string> Ids(IEnumerable<JsonElement> rows, string field) => rows.Select(r => PrestaShopJson.Text(r, field)).OfType<string>();
        var addresses = await api.ByIdAsync("addresses", Ids(orders, "id_address_delivery"), ct);
        return new PrestaShopOrderRelations(
            await api.ByIdAsync("customers", Ids(orders, "id_customer"), ct),
            addresses,
            await api.ByIdAsync("countries", Ids(addresses.Values, "id_country"), ct),
            await api.ByIdAsync("states", Ids(addresses.Values, "id_state"), ct),
            await api.ByIdAsync("order_states", Ids(orders, "current_state"), ct),
            await api.ByIdAsync("currencies", Ids(orders, "id_currency"), ct));
    }

    private static readonly Dictionary<string, JsonElement> None = new();
    private static readonly PrestaShopOrderRelations Empty = new(None, None, None, None, None, None);

    public JsonElement? Of(IReadOnlyDictionary<string, JsonElement> rows, JsonElement row, string field) =>
        PrestaShopJson.Text(row, field) is { } id && rows.TryGetValue(id, out var related) ? related : null;
}
