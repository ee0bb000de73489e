namespace Marketplaces.Orders;

/// <summary>Where an order ships to. Personal data: shown to signed-in users only, never logged.</summary>
public sealed record PostalAddress(
    string? Name, string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? CountryCode, string? Phone = null)
{
    public IEnumerable<string> Lines()
    {
        string?[] lines = [Name, Line1, Line2, string.Join(" ", new[] { PostalCode, City, Region }.Where(p => !string.IsNullOrWhiteSpace(p))), CountryCode, Phone];
        return lines.Where(l => !string.IsNullOrWhiteSpace(l))!;
    }
}
