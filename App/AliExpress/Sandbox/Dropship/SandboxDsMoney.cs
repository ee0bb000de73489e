using System.Globalization;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// The sandbox's prices are US dollars; a request's target currency is served at these fixed rates (AliExpress converts
/// at its own daily rates; the sheet gives none). A currency not listed is answered in US dollars, named as such.
/// </summary>
internal static class SandboxDsMoney
{
    private static readonly Dictionary<string, decimal> PerDollar = new(StringComparer.Ordinal)
    {
        ["USD"] = 1m, ["EUR"] = 0.92m, ["GBP"] = 0.79m, ["CAD"] = 1.37m, ["AUD"] = 1.52m, ["PLN"] = 3.95m,
    };

    public static string Currency(string? requested) => requested is not null && PerDollar.ContainsKey(requested) ? requested : "USD";

    public static decimal Convert(decimal dollars, string currency) => Math.Round(dollars * PerDollar[currency], 2, MidpointRounding.AwayFromZero);

    public static string Text(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
