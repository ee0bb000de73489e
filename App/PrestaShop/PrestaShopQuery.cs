namespace Marketplaces.PrestaShop;

/// <summary>
/// A webservice query string: names and values percent-encoded, brackets included, as in prestashop.md worked
/// example H (<c>filter%5Bdate_upd%5D=%5B2024-01-01%2000%3A00%3A00%2C…%5D</c>).
/// </summary>
public static class PrestaShopQuery
{
    public static string Build(params (string Name, string Value)[] parameters) =>
        string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>The <c>[a|b|c]</c> filter value: any of these.</summary>
    public static string AnyOf(IEnumerable<string> values) => $"[{string.Join("|", values)}]";
}
