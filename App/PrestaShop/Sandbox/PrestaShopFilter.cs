using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// One <c>filter[field]=…</c> value as getSQLRetrieveFilter reads it (prestashop.md §5): [a] literal, [a|b] any of,
/// ![a|b] none of, &gt;[v] / &lt;[v] strict, [x,y] inclusive interval (digits, '.', ':', '-', spaces only),
/// [Jo]% / %[hn] / %[oh]% prefix, suffix, contains; a value without brackets is a literal. Case-insensitive.
/// </summary>
public static partial class PrestaShopFilter
{
    public static bool Matches(string value, string filter)
    {
        var m = Bracketed().Match(filter);
        if (!m.Success) return Same(value, filter);
        var (before, inner, after) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        if (before == "%" || after == "%")
        {
            return (before == "%", after == "%") switch
            {
                (true, true) => value.Contains(inner, StringComparison.OrdinalIgnoreCase),
                (true, false) => value.EndsWith(inner, StringComparison.OrdinalIgnoreCase),
                _ => value.StartsWith(inner, StringComparison.OrdinalIgnoreCase),
            };
        }
        return before switch
        {
            "" when Interval().Match(inner) is { Success: true } range =>
                Compare(value, range.Groups[1].Value.Trim()) >= 0 && Compare(value, range.Groups[2].Value.Trim()) <= 0,
            "" => inner.Split('|').Any(v => Same(value, v)),
            "!" => !inner.Split('|').Any(v => Same(value, v)),
            ">" => Compare(value, inner) > 0,
            "<" => Compare(value, inner) < 0,
            _ => Same(value, filter),
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>MySQL's order for the webservice's string values: numbers as numbers, other text case-insensitively.</summary>
    public static int Compare(string? a, string? b) =>
        decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(.*)\[(.*)\](.*)$", RegexOptions.Singleline)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^([\d.:\-\s]+),([\d.:\-\s]+)$")]
    private static partial Regex Interval();
}
