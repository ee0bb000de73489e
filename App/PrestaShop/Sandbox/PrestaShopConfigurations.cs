namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The shop's configuration values the connector reads: PS_SHOP_NAME names the account, PS_TIMEZONE is the zone of
/// every date, the PS_OS_* values are the order state ids meaning shipped, delivered, cancelled, refunded.
/// </summary>
public static class PrestaShopConfigurations
{
    private const string Installed = "2025-01-01 00:00:00";

    public static PrestaShopResourceTable Table(PrestaShopSandboxShop shop) => new("configurations", "configuration",
        ["value", "name", "id_shop_group", "id_shop", "date_add", "date_upd"], _ => Rows, shop);

    private static readonly IReadOnlyList<PrestaShopRow> Rows =
    [
        Row(1, "PS_LANG_DEFAULT", "1"),
        Row(2, "PS_CURRENCY_DEFAULT", "1"),
        Row(3, "PS_TIMEZONE", PrestaShopSandboxShop.TimeZone),
        Row(4, "PS_SHOP_NAME", PrestaShopSandboxShop.Name),
        Row(5, "PS_SHOP_EMAIL", "shop@sandbox.invalid"),
        Row(6, "PS_WEBSERVICE", "1"),
        Row(7, "PS_OS_SHIPPING", Id(PrestaShopOrderStates.Shipped)),
        Row(8, "PS_OS_DELIVERED", Id(PrestaShopOrderStates.Delivered)),
        Row(9, "PS_OS_CANCELED", Id(PrestaShopOrderStates.Canceled)),
        Row(10, "PS_OS_REFUND", Id(PrestaShopOrderStates.Refunded)),
    ];

    private static PrestaShopRow Row(int id, string name, string value) => new(id, new Dictionary<string, string>
    {
        ["value"] = value, ["name"] = name, ["id_shop_group"] = "", ["id_shop"] = "", ["date_add"] = Installed, ["date_upd"] = Installed,
    });

    private static string Id(int state) => state.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
