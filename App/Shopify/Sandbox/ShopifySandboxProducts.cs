using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>Each sandbox shop's products and its one location ("Shop location"), opened on first use.</summary>
public sealed class ShopifySandboxProducts
{
    private readonly ConcurrentDictionary<string, ShopifySandboxShop> _shops = new();

    public ShopifySandboxShop For(string shop) => _shops.GetOrAdd(shop, _ => new ShopifySandboxShop());
}

public sealed class ShopifySandboxShop
{
    private long _lastId = 8_000_000_000;

    public Lock Gate { get; } = new();
    public List<ShopifySandboxProduct> Products { get; } = [];
    public long LocationId { get; } = 71_000_000_001;

    /// <summary>Inventory mutations by their <c>@idempotent</c> key: the variables sent and the answer given.</summary>
    public Dictionary<string, (string Input, JsonObject Answer)> Idempotent { get; } = new(StringComparer.Ordinal);

    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>Each sold line's units taken off the tracked variant with its SKU.</summary>
    public void Sell(IEnumerable<Marketplaces.Sandbox.Orders.SandboxOrderLine> lines)
    {
        lock (Gate)
            foreach (var line in lines)
                if (Products.SelectMany(p => p.Variants).FirstOrDefault(v => v.Tracked && v.Sku == line.Sku) is { } variant)
                    variant.Quantity -= line.Quantity;
    }
}

public sealed class ShopifySandboxProduct
{
    public long Id { get; init; }
    public string Title { get; set; } = "";
    public string Handle { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public string DescriptionHtml { get; set; } = "";
    public string Vendor { get; set; } = "";
    public List<(string Name, List<string> Values)> Options { get; set; } = [];
    public List<ShopifySandboxVariant> Variants { get; set; } = [];
    public List<(long Id, string Source, string? Alt)> Media { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public JsonObject Json() => new()
    {
        ["id"] = ShopifyGid.Of("Product", Id),
        ["legacyResourceId"] = Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["title"] = Title,
        ["handle"] = Handle,
        ["status"] = Status,
        ["descriptionHtml"] = DescriptionHtml,
        ["vendor"] = Vendor,
        ["createdAt"] = ShopifyOrderJson.Time(CreatedAt),
        ["updatedAt"] = ShopifyOrderJson.Time(UpdatedAt),
        // Null until the product is published to the Online Store channel, which productSet does not do.
        ["onlineStoreUrl"] = null,
        ["options"] = new JsonArray(Options.Select((o, i) => (JsonNode)new JsonObject
        {
            ["id"] = ShopifyGid.Of("ProductOption", Id * 10 + i), ["name"] = o.Name, ["position"] = i + 1,
            ["optionValues"] = new JsonArray(o.Values.Select(v => (JsonNode)new JsonObject { ["id"] = ShopifyGid.Of("ProductOptionValue", Id * 100 + o.Values.IndexOf(v)), ["name"] = v }).ToArray()),
        }).ToArray()),
        ["variants"] = new JsonArray(Variants.Select(v => (JsonNode)VariantJson(v)).ToArray()),
        ["media"] = new JsonArray(Media.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = ShopifyGid.Of("MediaImage", m.Id), ["alt"] = m.Alt ?? "", ["mediaContentType"] = "IMAGE", ["status"] = "READY",
        }).ToArray()),
    };

    public JsonObject VariantJson(ShopifySandboxVariant v) => new()
    {
        ["id"] = ShopifyGid.Of("ProductVariant", v.Id),
        ["legacyResourceId"] = v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["title"] = string.Join(" / ", v.OptionValues.Select(o => o.Value)),
        ["sku"] = v.Sku,
        ["price"] = v.Price,
        ["inventoryQuantity"] = v.Quantity,
        ["selectedOptions"] = new JsonArray(v.OptionValues.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["value"] = o.Value }).ToArray()),
        ["inventoryItem"] = new JsonObject { ["id"] = ShopifyGid.Of("InventoryItem", v.InventoryItemId), ["sku"] = v.Sku, ["tracked"] = v.Tracked },
    };
}

public sealed class ShopifySandboxVariant
{
    public long Id { get; init; }
    public long InventoryItemId { get; init; }
    public string Sku { get; set; } = "";
    public string Price { get; set; } = "0.00";
    public bool Tracked { get; set; }
    public int Quantity { get; set; }
    public List<(string Name, string Value)> OptionValues { get; set; } = [];
}
