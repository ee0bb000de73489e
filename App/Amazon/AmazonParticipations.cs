using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Amazon;

/// <summary>
/// Sellers API getMarketplaceParticipations (specs/amazon/sellers.json): the marketplaces the seller sells in, each with
/// the store name. One authorization covers a whole region, so this is where a seller's marketplaces come from.
/// </summary>
public static class AmazonParticipations
{
    public const string Path = "/sellers/v1/marketplaceParticipations";
    public const string Operation = "getMarketplaceParticipations";

    public static string Url(string apiBase) => apiBase.TrimEnd('/') + Path;

    /// <summary>The ids of the marketplaces the seller participates in, in Amazon's order.</summary>
    public static IReadOnlyList<string> MarketplaceIds(JsonElement root) =>
        Entries(root)
            .Where(p => !p.TryGetProperty("participation", out var participation)
                        || !participation.TryGetProperty("isParticipating", out var participating) || participating.ValueKind != JsonValueKind.False)
            .Select(p => p.TryGetProperty("marketplace", out var marketplace) ? JsonText.Of(marketplace, "id") : null)
            .OfType<string>()
            .Distinct()
            .ToList();

    public static string? StoreName(JsonElement root) => Entries(root).Select(p => JsonText.Of(p, "storeName")).FirstOrDefault(name => !string.IsNullOrEmpty(name));

    private static IEnumerable<JsonElement> Entries(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Array
            ? payload.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object)
            : [];
}
