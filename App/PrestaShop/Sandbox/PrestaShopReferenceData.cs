namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>The shop's countries, states and currencies with a fresh install's ids, as far as the sandbox's orders need them.</summary>
public static class PrestaShopReferenceData
{
    public static PrestaShopResourceTable Countries(PrestaShopSandboxShop shop) => new("countries", "country",
        ["id_zone", "id_currency", "call_prefix", "iso_code", "active", "contains_states", "need_identification_number", "need_zip_code",
         "zip_code_format", "display_tax_label", "name"], _ => CountryRows, shop);

    public static PrestaShopResourceTable States(PrestaShopSandboxShop shop) => new("states", "state",
        ["id_zone", "id_country", "iso_code", "name", "active"], _ => StateRows, shop);

    public static PrestaShopResourceTable Currencies(PrestaShopSandboxShop shop) => new("currencies", "currency",
        ["names", "name", "symbol", "iso_code", "numeric_iso_code", "precision", "conversion_rate", "deleted", "active", "unofficial", "modified", "pattern"],
        _ => CurrencyRows, shop);

    public static int CountryId(string isoCode) => IdOf(CountryRows, isoCode, "country");

    /// <summary>The state of a country by its code, 0 (PrestaShop's "none") where the country has no states.</summary>
    public static int StateId(string countryCode, string region) =>
        StateRows.FirstOrDefault(r => r.Values["iso_code"] == region && r.Values["id_country"] == CountryId(countryCode).ToString(System.Globalization.CultureInfo.InvariantCulture))?.Id ?? 0;

    public static int CurrencyId(string isoCode) => IdOf(CurrencyRows, isoCode, "currency");

    private static int IdOf(IReadOnlyList<PrestaShopRow> rows, string isoCode, string what) =>
        rows.FirstOrDefault(r => r.Values["iso_code"] == isoCode)?.Id ?? throw new InvalidOperationException($"The PrestaShop sandbox has no {what} {isoCode}");

    private static readonly IReadOnlyList<PrestaShopRow> CountryRows =
    [
        Country(1, "DE", "Germany", zone: 1, prefix: "49", zip: "NNNNN"),
        Country(4, "CA", "Canada", zone: 2, prefix: "1", zip: "LNL NLN", states: true),
        Country(8, "FR", "France", zone: 1, prefix: "33", zip: "NNNNN"),
        Country(17, "GB", "United Kingdom", zone: 7, prefix: "44", zip: ""),
        Country(21, "US", "United States", zone: 2, prefix: "1", zip: "NNNNN", states: true),
    ];

    private static readonly IReadOnlyList<PrestaShopRow> StateRows =
    [
        State(5, "CA", "California", country: 21),
        State(32, "NY", "New York", country: 21),
        State(53, "ON", "Ontario", country: 4),
    ];

    private static readonly IReadOnlyList<PrestaShopRow> CurrencyRows =
    [
        Currency(1, "EUR", "978", "Euro", "€", "1.000000"),
        Currency(2, "USD", "840", "US Dollar", "$", "1.080000"),
        Currency(3, "GBP", "826", "British Pound", "£", "0.850000"),
    ];

    private static PrestaShopRow Country(int id, string iso, string name, int zone, string prefix, string zip, bool states = false) => new(id, new Dictionary<string, string>
    {
        ["id_zone"] = $"{zone}", ["id_currency"] = "0", ["call_prefix"] = prefix, ["iso_code"] = iso, ["active"] = "1",
        ["contains_states"] = states ? "1" : "0", ["need_identification_number"] = "0", ["need_zip_code"] = zip.Length > 0 ? "1" : "0",
        ["zip_code_format"] = zip, ["display_tax_label"] = "1", ["name"] = name,
    });

    private static PrestaShopRow State(int id, string iso, string name, int country) => new(id, new Dictionary<string, string>
    {
        ["id_zone"] = "2", ["id_country"] = $"{country}", ["iso_code"] = iso, ["name"] = name, ["active"] = "1",
    });

    private static PrestaShopRow Currency(int id, string iso, string numeric, string name, string symbol, string rate) => new(id, new Dictionary<string, string>
    {
        ["names"] = name, ["name"] = name, ["symbol"] = symbol, ["iso_code"] = iso, ["numeric_iso_code"] = numeric, ["precision"] = "2",
        ["conversion_rate"] = rate, ["deleted"] = "0", ["active"] = "1", ["unofficial"] = "0", ["modified"] = "0", ["pattern"] = "",
    });
}
