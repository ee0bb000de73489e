namespace Marketplaces.Products;

/// <summary>GS1 identifiers: UPC-E/EAN-8, UPC-A, EAN-13 (ISBN-13 included) and GTIN-14, with the GS1 check digit.</summary>
public static class Gtin
{
    public static bool IsValid(string code)
    {
        if (code.Length is not (8 or 12 or 13 or 14) || !code.All(char.IsAsciiDigit)) return false;
        // From the right, leaving out the check digit: weights 3, 1, 3, 1, …
        var sum = 0;
        for (var i = code.Length - 2; i >= 0; i--) sum += (code[i] - '0') * ((code.Length - 2 - i) % 2 == 0 ? 3 : 1);
        return (10 - sum % 10) % 10 == code[^1] - '0';
    }
}
