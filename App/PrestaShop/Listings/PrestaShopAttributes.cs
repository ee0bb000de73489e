using System.Xml.Linq;
using Marketplaces.Products;

namespace Marketplaces.PrestaShop.Listings;

/// <summary>
/// The attribute groups (product_options) and values (product_option_values) combinations point at: found by name in
/// the shop's default language, created when missing, in every case by the value's id.
/// </summary>
internal sealed class PrestaShopAttributes(PrestaShopApi webservice, string language)
{
    public async Task<Dictionary<(string Option, string Value), string>> ValueIdsAsync(IReadOnlyList<ProductOption> options, CancellationToken ct)
    {
        var groups = (await webservice.ListAsync("product_options", PrestaShopQuery.Build(("display", "[id,name]"), ("language", language)), ct))
            .GroupBy(g => PrestaShopJson.Text(g, "name") ?? "", StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => PrestaShopJson.Text(g.First(), "id")!, StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<(string, string), string>();
        foreach (var option in options)
        {
            if (!groups.TryGetValue(option.Name, out var group))
            {
                var created = await webservice.WriteAsync(HttpMethod.Post, "product_options", new XElement("product_option",
                    new XElement("is_color_group", "0"), new XElement("group_type", "select"), Translated("name", option.Name), Translated("public_name", option.Name)), ct);
                groups[option.Name] = group = PrestaShopJson.Text(created, "id")!;
            }
            var values = (await webservice.ListAsync("product_option_values", PrestaShopQuery.Build(("display", "[id,name]"), ("filter[id_attribute_group]", $"[{group}]"), ("language", language)), ct))
                .GroupBy(v => PrestaShopJson.Text(v, "name") ?? "", StringComparer.OrdinalIgnoreCase).ToDictionary(v => v.Key, v => PrestaShopJson.Text(v.First(), "id")!, StringComparer.OrdinalIgnoreCase);
            foreach (var value in option.Values)
            {
                if (!values.TryGetValue(value, out var id))
                {
                    var created = await webservice.WriteAsync(HttpMethod.Post, "product_option_values", new XElement("product_option_value",
                        new XElement("id_attribute_group", group), Translated("name", value)), ct);
                    id = PrestaShopJson.Text(created, "id")!;
                }
                ids[(option.Name, value)] = id;
            }
        }
        return ids;
    }

    private XElement Translated(string field, string text) => new(field, new XElement("language", new XAttribute("id", language), new XCData(text)));
}
