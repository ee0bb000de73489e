using System.Net;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Ebay.Orders;
using Marketplaces.Products.Listings;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Ebay.Listings;

/// <summary>
/// What an eBay connection's listings need besides the product (ebay.md "Prerequisites for listing"): the site, the
/// seller's business policies on it (Account API), the inventory location items ship from (one is created, keyed
/// <see cref="NewLocationKey"/>, from a postal code when the seller has none), and a category (blank: eBay's suggestion
/// from each title) with the item specifics it requires that the catalog has no field for. Unchosen policies and
/// location default to the seller's first, read once a quarter hour (IMemoryCache).
/// </summary>
internal sealed class EbayChannelSettings(IMemoryCache cache, EbayTaxonomy taxonomy)
{
    public const string Marketplace = "marketplace";
    public const string FulfillmentPolicy = "fulfillmentPolicyId";
    public const string PaymentPolicy = "paymentPolicyId";
    public const string ReturnPolicy = "returnPolicyId";
    public const string Location = "merchantLocationKey";
    public const string PostalCode = "postalCode";
    public const string Category = "categoryId";
    public const string NewLocationKey = "marketplaces";

    /// <summary>Settings keys of item specifics a chosen category requires ("aspect.Department").</summary>
    public const string AspectPrefix = "aspect.";

    /// <summary>Item specifics every publish fills itself: the brand from the catalog.</summary>
    private static readonly HashSet<string> Filled = new(StringComparer.OrdinalIgnoreCase) { "Brand", "MPN" };

    public static EbaySite Site(IReadOnlyDictionary<string, string> chosen) => EbaySite.For(chosen.GetValueOrDefault(Marketplace) is { Length: > 0 } id ? id : "EBAY_US");

    public async Task<IReadOnlyList<ChannelSetting>> OfferedAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct)
    {
        var site = Site(chosen);
        var fulfillment = await PoliciesAsync(api, site, "fulfillment_policy", "fulfillmentPolicies", FulfillmentPolicy, ct);
        var payment = await PoliciesAsync(api, site, "payment_policy", "paymentPolicies", PaymentPolicy, ct);
        var returns = await PoliciesAsync(api, site, "return_policy", "returnPolicies", ReturnPolicy, ct);
        var locations = await LocationsAsync(api, ct);
        var aspects = chosen.GetValueOrDefault(Category) is { Length: > 0 } category
            ? (await taxonomy.RequiredAspectsAsync(api, site, category, ct)).Where(a => !Filled.Contains(a))
                .Select(a => new ChannelSetting(AspectPrefix + a, a, [], "", Hint: $"Required in category {category}; a variant's option of this name goes first"))
            : [];
        return
        [
            new ChannelSetting(Marketplace, "eBay site", EbaySite.All.Select(s => new ChannelChoice(s.MarketplaceId, s.Name)).ToList(), "EBAY_US", Reloads: true),
            new ChannelSetting(FulfillmentPolicy, $"Shipping policy on {site.Name}", fulfillment, First(fulfillment)),
            new ChannelSetting(PaymentPolicy, $"Payment policy on {site.Name}", payment, First(payment)),
            new ChannelSetting(ReturnPolicy, $"Return policy on {site.Name}", returns, First(returns)),
            new ChannelSetting(Location, "Ships from", [.. locations, new ChannelChoice("", "A new location at the postal code below")], First(locations)),
            new ChannelSetting(PostalCode, "Postal code of a new location", [], "", Hint: $"In {site.Country}; used when items ship from a new location"),
            new ChannelSetting(Category, "eBay category id", [], "", Reloads: true, Hint: "Blank: eBay's suggestion from each product's title"),
            .. aspects,
        ];
    }

    /// <summary>The site, policies and location a publish uses: the seller's choices, else their first ones on the site.</summary>
    public async Task<Terms> TermsAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var site = Site(draft.Settings);
        var defaults = await DefaultsAsync(api, site, ct);
        var location = draft.Setting(Location, defaults.Location);
        if (location.Length == 0) location = await CreateLocationAsync(api, site, draft.Setting(PostalCode, ""), ct);
        return new Terms(site, location, draft.Setting(FulfillmentPolicy, defaults.Fulfillment), draft.Setting(PaymentPolicy, defaults.Payment),
            draft.Setting(ReturnPolicy, defaults.Return));
    }

    private async Task<Defaults> DefaultsAsync(ConnectionApi api, EbaySite site, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(DefaultsKey(api, site), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15);
            return new Defaults(
                First(await PoliciesAsync(api, site, "fulfillment_policy", "fulfillmentPolicies", FulfillmentPolicy, ct)),
                First(await PoliciesAsync(api, site, "payment_policy", "paymentPolicies", PaymentPolicy, ct)),
                First(await PoliciesAsync(api, site, "return_policy", "returnPolicies", ReturnPolicy, ct)),
                First(await LocationsAsync(api, ct)));
        }))!;

    private static (string, Guid, string) DefaultsKey(ConnectionApi api, EbaySite site) => ("ebay-defaults", api.Connection.Id, site.MarketplaceId);

    /// <summary>createInventoryLocation at <see cref="NewLocationKey"/>; 409 means an earlier publish made it.</summary>
    private async Task<string> CreateLocationAsync(ConnectionApi api, EbaySite site, string postalCode, CancellationToken ct)
    {
        if (postalCode.Length == 0)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "eBay needs to know where items ship from: choose a location, or give a postal code for a new one, in the connection's channel settings.");
        var body = new
        {
            location = new { address = new { postalCode, country = site.Country } },
            locationTypes = new[] { "WAREHOUSE" },
            name = "Marketplaces",
            merchantLocationStatus = "ENABLED",
        };
        using var response = await EbayListingPublisher.SendRawAsync(api, HttpMethod.Post, $"location/{NewLocationKey}", body, null, ct);
        if (response.StatusCode != HttpStatusCode.Conflict) await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
        cache.Remove(DefaultsKey(api, site));
        return NewLocationKey;
    }

    private static async Task<List<ChannelChoice>> PoliciesAsync(ConnectionApi api, EbaySite site, string path, string list, string idProperty, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Get,
            EbayRest.Url(api, $"sell/account/v1/{path}?marketplace_id={site.MarketplaceId}"), token, "sell.account"), ct);
        using var json = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
        return Choices(json.RootElement, list, idProperty);
    }

    private static async Task<List<ChannelChoice>> LocationsAsync(ConnectionApi api, CancellationToken ct)
    {
        using var json = await EbayListingPublisher.ReadAsync(api, HttpMethod.Get, "location?limit=100", null, null, ct);
        return Choices(json.RootElement, "locations", "merchantLocationKey");
    }

    private static List<ChannelChoice> Choices(JsonElement root, string list, string idProperty) =>
        root.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => JsonText.Of(i, idProperty) is not null)
                .Select(i => new ChannelChoice(JsonText.Of(i, idProperty)!, JsonText.Of(i, "name") ?? JsonText.Of(i, idProperty)!)).ToList()
            : [];

    private static string First(List<ChannelChoice> choices) => choices.FirstOrDefault()?.Value ?? "";

    public sealed record Terms(EbaySite Site, string LocationKey, string FulfillmentPolicyId, string PaymentPolicyId, string ReturnPolicyId);

    private sealed record Defaults(string Fulfillment, string Payment, string Return, string Location);
}
