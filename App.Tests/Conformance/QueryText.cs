namespace Marketplaces.Tests.Conformance;

/// <summary>Name/value pairs of a query string or a form-encoded body, decoded as servers do ('+' is a space).</summary>
public static class QueryText
{
    public static IEnumerable<(string Name, string Value)> Pairs(string text) =>
        from pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
        let parts = pair.Split('=', 2)
        select (Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : "");

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
