using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products.Listings;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.PrestaShop.Listings;

/// <summary>
/// A PrestaShop connection's listing choices (prestashop.md §4): the default category, the tax rule group prices are
/// entered without, the language the texts are written in (blank: every language the shop has, the same text), and
/// whether products go out active. What the shop is (its languages, default language and currency) is read once a
/// quarter hour.
/// </summary>
internal sealed class PrestaShopChannelSettings(IMemoryCache cache)
{
    public const string Category = "id_category_default";
    public const string TaxRulesGroup = "id_tax_rules_group";
    public const string Language = "language";
    public const string Active = "active";

    public async Task<IReadOnlyList<ChannelSetting>> OfferedAsync(ConnectionApi api, CancellationToken ct)
    {
        var shop = await ShopAsync(api, ct);
        var webservice = new PrestaShopApi(api);
        var categories = await webservice.ListAsync("categories", PrestaShopQuery.Build(("display", "[id,name]"), ("language", shop.DefaultLanguage)), ct);
        var taxes = await webservice.ListAsync("tax_rule_groups", PrestaShopQuery.Build(("display", "[id,name]"), ("filter[active]", "[1]")), ct);
        return
        [
            new ChannelSetting(Category, "Category", categories.Where(c => PrestaShopJson.Text(c, "id") != "1").Select(Choice).ToList(), "2"),
            new ChannelSetting(TaxRulesGroup, "Tax rule", [new ChannelChoice("0", "No tax"), .. taxes.Select(Choice)], taxes.Select(t => PrestaShopJson.Text(t, "id")!).FirstOrDefault() ?? "0"),
            new ChannelSetting(Language, "Language of the texts", [new ChannelChoice("", "Every language of the shop"), .. shop.Languages.Select(l => new ChannelChoice(l.Id, l.Name))], ""),
            new ChannelSetting(Active, "Publish as", [new ChannelChoice("1", "Active"), new ChannelChoice("0", "Inactive")], "1"),
        ];
    }

    public Task<PrestaShopShop> ShopAsync(ConnectionApi api, CancellationToken ct) =>
        cache.GetOrCreateAsync(("prestashop-shop", api.Connection.Id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15);
            var webservice = new PrestaShopApi(api);
            var configuration = await webservice.ConfigurationAsync(["PS_LANG_DEFAULT", "PS_CURRENCY_DEFAULT"], ct);
            var languages = await webservice.ListAsync("languages", PrestaShopQuery.Build(("display", "[id,name,active]"), ("filter[active]", "[1]")), ct);
            var currency = await webservice.ByIdAsync("currencies", [configuration.GetValueOrDefault("PS_CURRENCY_DEFAULT", "1")], ct);
            return new PrestaShopShop(configuration.GetValueOrDefault("PS_LANG_DEFAULT", "1"),
                languages.Select(l => (PrestaShopJson.Text(l, "id")!, PrestaShopJson.Text(l, "name") ?? "")).ToList(),
                currency.Values.Select(c => PrestaShopJson.Text(c, "iso_code")).FirstOrDefault() ?? "");
        })!;

    private static ChannelChoice Choice(JsonElement row) => new(PrestaShopJson.Text(row, "id")!, PrestaShopJson.Text(row, "name") ?? PrestaShopJson.Text(row, "id")!);
}

/// <param name="Currency">The shop's default currency: product prices are in it.</param>
internal sealed record PrestaShopShop(string DefaultLanguage, IReadOnlyList<(string Id, string Name)> Languages, string Currency);
