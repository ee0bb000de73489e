namespace Marketplaces.Dropshipping;

/// <summary>The countries offered as "ship to" on the dropshipping pages: where AliExpress's dropship programme delivers most.</summary>
public static class ShipToCountries
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("US", "United States"), ("GB", "United Kingdom"), ("CA", "Canada"), ("AU", "Australia"), ("DE", "Germany"), ("FR", "France"),
        ("ES", "Spain"), ("IT", "Italy"), ("NL", "Netherlands"), ("BE", "Belgium"), ("AT", "Austria"), ("IE", "Ireland"), ("CH", "Switzerland"),
        ("SE", "Sweden"), ("PL", "Poland"), ("BR", "Brazil"), ("MX", "Mexico"), ("NZ", "New Zealand"), ("JP", "Japan"), ("KR", "South Korea"),
        ("IL", "Israel"), ("SA", "Saudi Arabia"), ("AE", "United Arab Emirates"), ("CL", "Chile"),
    ];

    public static string Name(string code) => All.FirstOrDefault(c => c.Code == code).Name ?? code;
}
