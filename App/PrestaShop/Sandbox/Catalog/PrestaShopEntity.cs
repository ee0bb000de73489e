namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>A written resource row: its fields, its multilingual fields by language id, and its associations.</summary>
public sealed class PrestaShopEntity(int id)
{
    public int Id => id;
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<int, string>> Translations { get; } = new(StringComparer.Ordinal);

    /// <summary>Association name (categories) → its items (each a category's fields: id).</summary>
    public Dictionary<string, List<Dictionary<string, string>>> Associations { get; } = new(StringComparer.Ordinal);

    public string this[string field] => Values.GetValueOrDefault(field, "");

    public IEnumerable<string> Associated(string name) => Associations.GetValueOrDefault(name)?.Select(a => a.GetValueOrDefault("id", "")) ?? [];

    /// <summary>The row the webservice prints, its associations named by <paramref name="items"/> (categories → category).</summary>
    public PrestaShopRow Row(IReadOnlyList<string> fields, IReadOnlyDictionary<string, string> items) => new(id,
        fields.Where(f => !Translations.ContainsKey(f)).ToDictionary(f => f, f => Values.GetValueOrDefault(f, "")))
    {
        Translations = Translations.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<int, string>)t.Value),
        Associations = items.Select(i => new PrestaShopAssociation(i.Key, i.Value,
            Associations.GetValueOrDefault(i.Key)?.Select(a => (IReadOnlyDictionary<string, string>)a).ToList() ?? [])).ToList(),
    };
}
