using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products.Listings;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Amazon.Listings;

/// <summary>
/// An Amazon connection's listing choices: the marketplace (from the seller's participations, read once an hour: the
/// Sellers API allows one call a minute), the product type (blank: Amazon's suggestion from each title; Product Type
/// Definitions), and for a chosen type a value for each attribute its LISTING requires that the catalog has no field
/// for (a shirt's department), the same for every product.
/// </summary>
internal sealed class AmazonChannelSettings(IMemoryCache cache, AmazonProductTypes productTypes, TimeProvider clock)
{
    public const string Marketplace = "marketplaceId";
    public const string ProductType = "productType";
    public const string AttributePrefix = "attribute.";

    /// <summary>What the catalog fills, or a variant's options do.</summary>
    private static readonly HashSet<string> Filled =
    [
        "item_name", "brand", "manufacturer", "product_description", "condition_type", "purchasable_offer", "fulfillment_availability",
        "externally_assigned_product_identifier", "supplier_declared_has_product_identifier_exemption", "main_product_image_locator",
        "part_number", "item_package_weight",
    ];

    public async Task<IReadOnlyList<ChannelSetting>> OfferedAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct)
    {
        var marketplaces = await MarketplacesAsync(api, ct);
        var marketplace = ChosenOf(marketplaces, chosen);
        var types = await productTypes.AllAsync(api, marketplace.Id, ct);
        var settings = new List<ChannelSetting>
        {
            new(Marketplace, "Amazon marketplace", marketplaces.Select(m => new ChannelChoice(m.Id, m.Name)).ToList(), marketplaces[0].Id, Reloads: true),
            new(ProductType, "Product type", [new ChannelChoice("", "Amazon's suggestion from each product's title"), .. types.Select(t => new ChannelChoice(t.Name, $"{t.DisplayName} ({t.Name})"))], "", Reloads: true),
        };
        if (chosen.GetValueOrDefault(ProductType) is { Length: > 0 } type)
        {
            var schema = await productTypes.SchemaAsync(api, marketplace.Id, type, ct);
            settings.AddRange(schema.Required.Where(r => !Filled.Contains(r))
                .Select(r => new ChannelSetting(AttributePrefix + r, r.Replace('_', ' '), [], "", Hint: $"Required by {type}; the same for every product")));
        }
        return settings;
    }

    public async Task<AmazonMarketplace> MarketplaceAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct) =>
        ChosenOf(await MarketplacesAsync(api, ct), chosen);

    private static AmazonMarketplace ChosenOf(IReadOnlyList<AmazonMarketplace> marketplaces, IReadOnlyDictionary<string, string> chosen) =>
        marketplaces.FirstOrDefault(m => m.Id == chosen.GetValueOrDefault(Marketplace)) ?? marketplaces[0];

    private async Task<IReadOnlyList<AmazonMarketplace>> MarketplacesAsync(ConnectionApi api, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("amazon-marketplaces", api.Connection.Id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, AmazonParticipations.Operation, HttpMethod.Get,
                AmazonParticipations.Url(api.Target.Endpoints.ApiBaseUrl), token, clock.GetUtcNow()), ct);
            using var json = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
            var ids = AmazonParticipations.MarketplaceIds(json.RootElement);
            var found = json.RootElement.GetProperty("payload").EnumerateArray().Select(p => p.GetProperty("marketplace"))
                .Where(m => ids.Contains(m.GetProperty("id").GetString()!))
                .Select(m => new AmazonMarketplace(m.GetProperty("id").GetString()!, JsonText.Of(m, "name") ?? "", JsonText.Of(m, "defaultLanguageCode") ?? "en_US", JsonText.Of(m, "domainName")))
                .ToList();
            return found.Count > 0 ? found : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "The Amazon seller participates in no marketplace.");
        }))!;
}

internal sealed record AmazonMarketplace(string Id, string Name, string LanguageTag, string? DomainName);
