using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Marketplaces.Ebay.Sandbox.Listings.EbayInventoryCaller;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// Inventory locations (ebay.md "Prerequisites for listing"): createInventoryLocation is a POST to the keyed path,
/// 204, and a key already taken is 409 with 25803; an address needs its country and a postal code (or a city and
/// state). Keys: letters, digits, '-' and '_', at most 36.
/// </summary>
internal sealed partial class EbayLocationEndpoints(EbayInventoryCaller caller)
{
    public async Task<IResult> CreateAsync(HttpRequest request, string key, CancellationToken ct)
    {
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: false, ct);
        if (refused is not null) return refused;
        if (!ValidKey().IsMatch(key)) return Error(400, 25800, "Invalid merchantLocationKey.", "merchantLocationKey");
        var address = body!["location"]?["address"];
        if (Text(address?["country"]) is not { Length: 2 }) return Error(400, 25801, "Missing field location.address.country.", "location.address.country");
        if (Text(address?["postalCode"]) is null && (Text(address?["city"]) is null || Text(address?["stateOrProvince"]) is null))
            return Error(400, 25801, "Missing field location.address.postalCode.", "location.address.postalCode");
        lock (inventory!.Gate)
        {
            if (inventory.Locations.ContainsKey(key)) return Error(409, 25803, "merchantLocationKey already exists.", "merchantLocationKey");
            body["merchantLocationStatus"] ??= "ENABLED";
            inventory.Locations[key] = body;
        }
        return Results.NoContent();
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, EbayScopes.InventoryRead, ct);
        if (refused is not null) return refused;
        lock (inventory!.Gate)
        {
            var locations = inventory.Locations.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
            {
                var json = (JsonObject)l.Value.DeepClone();
                json["merchantLocationKey"] = l.Key;
                return (JsonNode)json;
            });
            return Results.Json(new JsonObject
            {
                ["href"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?limit=100&offset=0",
                ["limit"] = 100, ["offset"] = 0, ["total"] = inventory.Locations.Count, ["locations"] = new JsonArray([.. locations]),
            });
        }
    }

    private static IResult Error(int status, int id, string message, string field) => EbayInventoryErrors.Error(status, id, message, parameters: ("fieldName", field));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,36}$")]
    private static partial Regex ValidKey();
}
