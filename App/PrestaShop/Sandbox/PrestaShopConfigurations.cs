namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>The shop's configuration values the connector reads (PS_SHOP_NAME names the account).</summary>
public static class PrestaShopConfigurations
{
    private const string Installed = "2025-01-01 00:00:00";

    public static PrestaShopResourceTable Table(PrestaShopSandboxShop shop) => new("configurations", "configuration",
        ["value", "name", "id_shop_group", "id_shop", "date_add", "date_upd"], () => Rows, shop);

    private static readonly IReadOnlyList<PrestaShopRow> Rows =
    [
        Row(1, "PS_LANG_DEFAULT", "1"),
        Row(2, "PS_CURRENCY_DEFAULT", "1"),
        Row(3, "PS_TIMEZONE", "Europe/Paris"),
        Row(4, "PS_SHOP_NAME", PrestaShopSandboxShop.Name),
        Row(5, "PS_SHOP_EMAIL", "shop@sandbox.invalid"),
        Row(6, "PS_WEBSERVICE", "1"),
    ];

    private static PrestaShopRow Row(int id, string name, string value) => new(id, new Dictionary<string, string>
    {
        ["value"] = value, ["name"] = name, ["id_shop_group"] = "", ["id_shop"] = "", ["date_add"] = Installed, ["date_upd"] = Installed,
    });
}
