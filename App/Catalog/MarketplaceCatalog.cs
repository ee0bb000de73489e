using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplaces.Catalog;

/// <summary>The eight marketplaces, described as data (Catalog/Data/*.json), with configuration overrides applied.</summary>
public sealed class MarketplaceCatalog
{
    public static readonly string[] Order = ["amazon", "ebay", "etsy", "tiktok", "aliexpress", "shopify", "woocommerce", "prestashop"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, MarketplaceDefinition> _byId;

    public MarketplaceCatalog(IEnumerable<MarketplaceDefinition> definitions)
    {
        _byId = definitions.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        All = Order.Where(_byId.ContainsKey).Select(id => _byId[id]).ToList();
    }

    public IReadOnlyList<MarketplaceDefinition> All { get; }

    public MarketplaceDefinition this[string id] =>
        _byId.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"No marketplace '{id}' in the catalog");

    public bool TryGet(string id, out MarketplaceDefinition definition) => _byId.TryGetValue(id, out definition!);

    /// <summary>Reads the embedded data files, then binds <c>Catalog:{id}</c> from configuration over each.</summary>
    public static MarketplaceCatalog Load(IConfiguration? configuration = null)
    {
        var assembly = typeof(MarketplaceCatalog).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Marketplaces.Catalog.", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<MarketplaceDefinition>(stream, Json)
                    ?? throw new InvalidOperationException($"Catalog file {n} is empty");
            })
            .ToList();
        if (configuration is not null)
        {
            foreach (var definition in definitions) configuration.GetSection($"Catalog:{definition.Id}").Bind(definition);
        }
        return new MarketplaceCatalog(definitions);
    }
}
