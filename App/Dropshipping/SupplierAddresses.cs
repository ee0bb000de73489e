using Marketplaces.Orders;

namespace Marketplaces.Dropshipping;

/// <summary>
/// The buyer's address as AliExpress's <c>logistics_address</c> wants it (aliexpress.md §5.4: address, city, province,
/// country, contact person of 2 to 32 characters, phone; zip; a CPF for Brazil): mapped from the order's address, and
/// what is still missing, in words, for the seller to fill in.
/// </summary>
public static class SupplierAddresses
{
    public static SupplierAddress From(PostalAddress? address) => new(
        address?.Name?.Trim() ?? "", address?.Line1?.Trim() ?? "", address?.Line2?.Trim(), address?.City?.Trim() ?? "", address?.Region?.Trim() ?? "",
        address?.CountryCode?.Trim().ToUpperInvariant() ?? "", address?.PostalCode?.Trim() ?? "", address?.Phone?.Trim() ?? "", null);

    public static IReadOnlyList<string> Problems(SupplierAddress address)
    {
        var problems = new List<string>();
        if (address.FullName.Trim().Length is < 2 or > 32) problems.Add("The buyer's name must be 2 to 32 characters.");
        if (string.IsNullOrWhiteSpace(address.Line1)) problems.Add("Enter the street address.");
        if (string.IsNullOrWhiteSpace(address.City)) problems.Add("Enter the city.");
        if (string.IsNullOrWhiteSpace(address.Province)) problems.Add("Enter the state, province or county (AliExpress requires one).");
        if (address.Country is not { Length: 2 } || !address.Country.All(char.IsAsciiLetterUpper)) problems.Add("Enter the country as its two-letter code.");
        if (string.IsNullOrWhiteSpace(address.Zip)) problems.Add("Enter the postal code.");
        if (string.IsNullOrWhiteSpace(address.Phone) || !address.Phone.Any(char.IsAsciiDigit) || !address.Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')'))
            problems.Add("Enter the buyer's phone number (AliExpress's carriers require one).");
        if (address.Country == "BR" && (address.TaxNumber is not { } cpf || cpf.Count(char.IsAsciiDigit) != 11))
            problems.Add("Brazil requires the buyer's CPF (11 digits).");
        return problems;
    }

    /// <summary>The phone as AliExpress takes it: digits, and a leading +.</summary>
    public static SupplierAddress Normalized(SupplierAddress address) => address with
    {
        FullName = address.FullName.Trim(), Phone = new string(address.Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()),
        TaxNumber = address.TaxNumber is { } tax ? new string(tax.Where(char.IsAsciiDigit).ToArray()) : null,
    };
}
