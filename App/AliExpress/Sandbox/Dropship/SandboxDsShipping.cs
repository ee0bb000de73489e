namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// The logistics services the sandbox offers (codes as aliexpress.md §5.3's example, <c>CAINIAO_STANDARD</c>), their
/// fees in US dollars per order line and delivery days; countries outside <see cref="Countries"/> get
/// DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS.
/// </summary>
internal static class SandboxDsShipping
{
    public static readonly HashSet<string> Countries =
        ["US", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "CA", "AU", "BR", "MX", "SE", "BE", "AT", "IE", "CH"];

    public static readonly IReadOnlyList<SandboxDsService> Services =
    [
        new("CAINIAO_STANDARD", "AliExpress Standard Shipping", 0m, 12, 20, FreeFrom: 0m, Carrier: "Cainiao"),
        new("CAINIAO_ECONOMY", "Cainiao Saver Shipping", 0.89m, 20, 35, FreeFrom: null, Carrier: "Cainiao"),
        new("AE_CN_SUPER_ECONOMY_G", "Cainiao Super Economy Global", 0.49m, 25, 45, FreeFrom: null, Carrier: "Cainiao"),
        new("DHL", "DHL", 18.50m, 4, 8, FreeFrom: null, Carrier: "DHL"),
    ];
}

/// <param name="FreeFrom">The order amount from which it ships free (0: always free); null: never free.</param>
/// <param name="Carrier">Who carries the parcel, as tracking names it.</param>
public sealed record SandboxDsService(string Code, string Company, decimal Fee, int MinDays, int MaxDays, decimal? FreeFrom, string Carrier);
