using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products;
using Marketplaces.Products.Listings;

namespace Marketplaces.PrestaShop.Listings;

/// <summary>
/// The shop's products for linking to the catalog, 100 a page (<c>limit=offset,count</c>, prestashop.md §5), each
/// with its stock and, for a product with combinations, its combinations named by their attribute values.
/// </summary>
internal sealed class PrestaShopListingReader(ConnectionApi api, PrestaShopChannelSettings settings)
{
    public async IAsyncEnumerable<MarketplaceListing> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var shop = await settings.ShopAsync(api, ct);
        var webservice = new PrestaShopApi(api);
        var groups = (await webservice.ListAsync("product_options", PrestaShopQuery.Build(("display", "[id,name]"), ("language", shop.DefaultLanguage)), ct))
            .ToDictionary(g => PrestaShopJson.Text(g, "id")!, g => PrestaShopJson.Text(g, "name") ?? "");
        var values = (await webservice.ListAsync("product_option_values", PrestaShopQuery.Build(("display", "[id,id_attribute_group,name]"), ("language", shop.DefaultLanguage)), ct))
            .ToDictionary(v => PrestaShopJson.Text(v, "id")!, v => (Group: PrestaShopJson.Text(v, "id_attribute_group") ?? "", Name: PrestaShopJson.Text(v, "name") ?? ""));
        var root = api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')[..^"/api".Length];
        for (var offset = 0; ; offset += 100)
        {
            var page = await webservice.ListAsync("products", PrestaShopQuery.Build(("display", "full"), ("language", shop.DefaultLanguage), ("limit", $"{offset},100")), ct);
            if (page.Count == 0) yield break;
            var ids = page.Select(p => PrestaShopJson.Text(p, "id")!).ToList();
            var stock = (await webservice.ListAsync("stock_availables", PrestaShopQuery.Build(("display", "full"), ("filter[id_product]", PrestaShopQuery.AnyOf(ids))), ct))
                .ToDictionary(s => (PrestaShopJson.Text(s, "id_product")!, PrestaShopJson.Text(s, "id_product_attribute")!), s => int.TryParse(PrestaShopJson.Text(s, "quantity"), out var q) ? q : 0);
            var combinations = (await webservice.ListAsync("combinations", PrestaShopQuery.Build(("display", "full"), ("filter[id_product]", PrestaShopQuery.AnyOf(ids))), ct))
                .GroupBy(c => PrestaShopJson.Text(c, "id_product")!).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var product in page)
            {
                var id = PrestaShopJson.Text(product, "id")!;
                var price = PrestaShopJson.Decimal(product, "price");
                var url = $"{root}/index.php?id_product={id}&controller=product";
                var sku = PrestaShopJson.Text(product, "reference") is { Length: > 0 } reference ? reference : null;
                var live = PrestaShopJson.Text(product, "active") == "1";
                if (!combinations.TryGetValue(id, out var variants))
                {
                    yield return new MarketplaceListing(id, sku, PrestaShopJson.Text(product, "name") ?? "", url, live, price, stock.GetValueOrDefault((id, "0")),
                        PrestaShopJson.Text(product, "description"), [], []);
                    continue;
                }
                var valueIds = variants.Select(c => PrestaShopJson.Association(c, "product_option_values").Select(v => PrestaShopJson.Text(v, "id")!).Where(values.ContainsKey).ToList()).ToList();
                var optionGroups = valueIds.SelectMany(v => v).Select(v => values[v].Group).Distinct().ToList();
                var options = optionGroups.Select((g, i) => new ProductOption
                {
                    Name = groups.GetValueOrDefault(g, g), Position = i,
                    Values = valueIds.SelectMany(v => v).Where(v => values[v].Group == g).Select(v => values[v].Name).Distinct().ToList(),
                }).ToList();
                var listed = variants.Select((c, n) => new MarketplaceListingVariant(PrestaShopJson.Text(c, "reference") is { Length: > 0 } r ? r : null,
                    optionGroups.Select(g => valueIds[n].Where(v => values[v].Group == g).Select(v => values[v].Name).FirstOrDefault() ?? "").ToList(),
                    price + PrestaShopJson.Decimal(c, "price"), stock.GetValueOrDefault((id, PrestaShopJson.Text(c, "id")!)))).ToList();
                yield return new MarketplaceListing(id, sku, PrestaShopJson.Text(product, "name") ?? "", url, live, null, null, PrestaShopJson.Text(product, "description"), options, listed);
            }
            if (page.Count < 100) yield break;
        }
    }
}
