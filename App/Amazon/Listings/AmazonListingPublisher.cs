using System.Globalization;
using System.Net;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Inventory;
using Marketplaces.Products.Listings;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Amazon.Listings;

/// <summary>
/// A catalog product as an Amazon listings item (amazon.md "Publish / update a product"): putListingsItem with the
/// product type and attributes, keyed by SKU so a retry replaces rather than duplicates. Amazon accepts a submission
/// and processes it later, so the publish then follows the item through getListingsItem until it has a summary
/// (live) or ERROR issues (needs attention, with Amazon's messages); an item still processing after the wait is
/// tried again by the job. Variants are a parent SKU (the product's) varying by the options, and a child per
/// variant; children no longer in the catalog are deleted.
/// </summary>
public sealed class AmazonListingPublisher(IMemoryCache cache, TimeProvider clock) : IListingPublisher
{
    private const string Items = "/listings/2021-08-01/items";

    /// <summary>How long to follow a submission before leaving it to the job's retry: Amazon's processing takes seconds to minutes.</summary>
    private static readonly TimeSpan[] Waits = [.. new[] { 250, 500, 1000, 2000, 4000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    private readonly AmazonProductTypes _productTypes = new(cache, clock);
    private AmazonChannelSettings Settings => new(cache, _productTypes, clock);

    public string MarketplaceId => AmazonRequests.MarketplaceId;

    public async Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var product = draft.Product;
        var marketplace = await Settings.MarketplaceAsync(api, draft.Settings, ct);
        var productType = draft.Setting(AmazonChannelSettings.ProductType, "") is { Length: > 0 } chosen
            ? chosen
            : await _productTypes.SuggestedAsync(api, marketplace.Id, product.Title, ct);
        var schema = await _productTypes.SchemaAsync(api, marketplace.Id, productType, ct);
        var attributes = new AmazonListingAttributes(draft, schema, marketplace.Id, marketplace.LanguageTag);
        // Until processed, an update shows the item as it was: a revision is done when the summary's date moves on.
        var skus = product.Variants.Select(v => v.Sku).Append(product.Sku).ToList();
        var before = new Dictionary<string, DateTimeOffset?>();
        foreach (var sku in skus) before[sku] = draft.ExternalId is null && !draft.MayExist ? null : (await SummaryAsync(api, marketplace.Id, sku, ct))?.Updated;
        if (product.HasVariants)
        {
            if (product.Options.Select(o => AmazonListingAttributes.AttributeName(o.Name)).FirstOrDefault(a => !schema.Attributes.Contains(a)) is { } missing)
                throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon's {productType} cannot vary by {missing}: choose another product type or rename the option.");
            await PutAsync(api, marketplace, product.Sku, productType, attributes.Parent(), ct);
            foreach (var variant in product.Variants) await PutAsync(api, marketplace, variant.Sku, productType, attributes.Child(variant), ct);
            foreach (var gone in (await ChildrenAsync(api, marketplace.Id, product.Sku, ct)).Except(product.Variants.Select(v => v.Sku), StringComparer.Ordinal))
                await DeleteAsync(api, marketplace.Id, gone, ct);
            foreach (var variant in product.Variants) await ProcessedAsync(api, marketplace.Id, variant.Sku, before[variant.Sku], ct);
        }
        else
        {
            await PutAsync(api, marketplace, product.Sku, productType, attributes.Simple(), ct);
        }
        var asin = await ProcessedAsync(api, marketplace.Id, product.Sku, before[product.Sku], ct);
        return new PublishedListing(asin, ListingUrl(api, marketplace, asin));
    }

    public Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct) =>
        Settings.OfferedAsync(api, chosen, ct);

    /// <summary>deleteListingsItem (amazon.md), the children first for a product with variants.</summary>
    public async Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct)
    {
        var sku = listing.Sku;
        var marketplace = await Settings.MarketplaceAsync(api, listing.Settings, ct);
        foreach (var child in await ChildrenAsync(api, marketplace.Id, sku, ct)) await DeleteAsync(api, marketplace.Id, child, ct);
        await DeleteAsync(api, marketplace.Id, sku, ct);
    }

    /// <summary>searchListingsItems, 20 a page: children folded into their parent's listing.</summary>
    public async IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var marketplace = await Settings.MarketplaceAsync(api, settings, ct);
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var url = $"{Base(api)}?marketplaceIds={marketplace.Id}&pageSize=20&includedData=summaries,attributes,offers,fulfillmentAvailability,relationships"
                      + (token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}");
            using var page = await SendAsync(api, "searchListingsItems", HttpMethod.Get, url, null, ct);
            items.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            token = page.RootElement.TryGetProperty("pagination", out var pagination) && pagination.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        foreach (var listing in new AmazonListingReading(api, marketplace, items).Listings()) yield return listing;
    }

    public string OutOfStock => "At 0 Amazon shows the offer as currently unavailable; the listing stays.";

    /// <summary>
    /// patchListingsItem on <c>fulfillment_availability</c> for each SKU whose quantity changed (amazon.md; a variant is
    /// its own child item), with the item's product type: the chosen one, else the one Amazon has for the item.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct) =>
        ListingStock.EachAsync(listings, async listing =>
        {
            var marketplace = await Settings.MarketplaceAsync(api, listing.Settings, ct);
            foreach (var (sku, quantity) in listing.Changed)
            {
                var productType = listing.Settings.GetValueOrDefault(AmazonChannelSettings.ProductType) is { Length: > 0 } chosen
                    ? chosen
                    : await ProductTypeAsync(api, marketplace.Id, sku, ct);
                var url = $"{Base(api)}/{Uri.EscapeDataString(sku)}?marketplaceIds={marketplace.Id}&includedData=issues";
                var patches = new[] { new { op = "replace", path = "/attributes/fulfillment_availability", value = new[] { new { fulfillment_channel_code = "DEFAULT", quantity } } } };
                using var answer = await SendAsync(api, "patchListingsItem", HttpMethod.Patch, url, new { productType, patches }, ct);
                if (answer.RootElement.GetProperty("status").GetString() != "ACCEPTED")
                    throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon refused the stock of {sku}: {Issues(answer.RootElement)}");
            }
        });

    /// <summary>The product type Amazon has for the item, read once and kept (it changes only with a publish under another).</summary>
    private async Task<string> ProductTypeAsync(ConnectionApi api, string marketplaceId, string sku, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("amazon-product-type", api.Connection.Id, marketplaceId, sku), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            using var item = await SendAsync(api, "getListingsItem", HttpMethod.Get, $"{Base(api)}/{Uri.EscapeDataString(sku)}?marketplaceIds={marketplaceId}&includedData=summaries", null, ct);
            return item.RootElement.TryGetProperty("summaries", out var summaries) && summaries.GetArrayLength() > 0 && JsonText.Of(summaries[0], "productType") is { } type
                ? type
                : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon has no product type for {sku} yet.");
        }))!;

    private async Task PutAsync(ConnectionApi api, AmazonMarketplace marketplace, string sku, string productType, Dictionary<string, object> attributes, CancellationToken ct)
    {
        var url = $"{Base(api)}/{Uri.EscapeDataString(sku)}?marketplaceIds={marketplace.Id}&includedData=issues";
        using var answer = await SendAsync(api, "putListingsItem", HttpMethod.Put, url, new { productType, requirements = "LISTING", attributes }, ct);
        if (answer.RootElement.GetProperty("status").GetString() != "ACCEPTED")
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon refused {sku}: {Issues(answer.RootElement)}");
    }

    /// <summary>
    /// Follows the item until processed: its ASIN once it has a summary newer than <paramref name="before"/>, Amazon's
    /// messages if processing found errors.
    /// </summary>
    private async Task<string> ProcessedAsync(ConnectionApi api, string marketplaceId, string sku, DateTimeOffset? before, CancellationToken ct)
    {
        foreach (var wait in Waits)
        {
            await Task.Delay(wait, clock, ct);
            if (await SummaryAsync(api, marketplaceId, sku, ct) is not { } summary || summary.Updated <= before) continue;
            if (summary.Errors.Length > 0) throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon could not list {sku}: {summary.Errors}");
            return summary.Asin ?? sku;
        }
        throw new MarketplaceException(MarketplaceErrorKind.Transient, $"Amazon is still processing {sku}.");
    }

    /// <summary>getListingsItem's summary and ERROR issues, null while Amazon has no item (a new one not processed yet).</summary>
    private async Task<(string? Asin, DateTimeOffset Updated, string Errors)?> SummaryAsync(ConnectionApi api, string marketplaceId, string sku, CancellationToken ct)
    {
        var url = $"{Base(api)}/{Uri.EscapeDataString(sku)}?marketplaceIds={marketplaceId}&includedData=summaries,issues";
        using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, "getListingsItem", HttpMethod.Get, url, token, clock.GetUtcNow()), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        using var item = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
        var root = item.RootElement;
        var errors = root.TryGetProperty("issues", out var issues) && issues.EnumerateArray().Any(i => i.GetProperty("severity").GetString() == "ERROR") ? Issues(root) : "";
        if (!root.TryGetProperty("summaries", out var summaries) || summaries.GetArrayLength() == 0) return null;
        var summary = summaries[0];
        var updated = DateTimeOffset.Parse(summary.GetProperty("lastUpdatedDate").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return (summary.TryGetProperty("asin", out var asin) ? asin.GetString() : null, updated, errors);
    }

    private async Task<IReadOnlyList<string>> ChildrenAsync(ConnectionApi api, string marketplaceId, string parentSku, CancellationToken ct)
    {
        var url = $"{Base(api)}?marketplaceIds={marketplaceId}&pageSize=20&variationParentSku={Uri.EscapeDataString(parentSku)}";
        using var page = await SendAsync(api, "searchListingsItems", HttpMethod.Get, url, null, ct);
        return page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!).ToList();
    }

    private async Task DeleteAsync(ConnectionApi api, string marketplaceId, string sku, CancellationToken ct)
    {
        using var _ = await SendAsync(api, "deleteListingsItem", HttpMethod.Delete, $"{Base(api)}/{Uri.EscapeDataString(sku)}?marketplaceIds={marketplaceId}", null, ct);
    }

    private async Task<JsonDocument> SendAsync(ConnectionApi api, string operation, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, operation, method, url, token, clock.GetUtcNow(),
            body is null ? null : System.Net.Http.Json.JsonContent.Create(body, body.GetType())), ct);
        return await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
    }

    private static string Issues(JsonElement root) =>
        root.TryGetProperty("issues", out var issues)
            ? string.Join("; ", issues.EnumerateArray().Where(i => i.GetProperty("severity").GetString() == "ERROR").Select(i => $"{i.GetProperty("message").GetString()} ({i.GetProperty("code").GetString()})"))
            : "no reason given";

    private string Base(ConnectionApi api) => $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}{Items}/{Uri.EscapeDataString(api.Connection.AccountId)}";

    internal static string? ListingUrl(ConnectionApi api, AmazonMarketplace marketplace, string asin) =>
        api.Target.Endpoints.Urls.TryGetValue("listing", out var template) ? template.Replace("{asin}", asin, StringComparison.Ordinal)
        : marketplace.DomainName is { } domain ? $"https://{domain}/dp/{asin}" : null;
}
