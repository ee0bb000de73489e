using System.Text;

namespace Marketplaces.Orders;

/// <summary>
/// Text from a marketplace made storable in every database and index: NUL removed (PostgreSQL refuses it in text and
/// jsonb), unpaired UTF-16 surrogates replaced by U+FFFD (they cannot be encoded as UTF-8), and anything longer than
/// its column's index allows cut, with "…" to show it was.
/// </summary>
public static class StoredText
{
    public const char CutMarker = '…';

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text, int maxLength)
    {
        if (text is null) return null;
        if (!text.Contains('\0') && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            return text.Length <= maxLength ? text : Cut(text, maxLength);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(c).Append(text[++i]);
            else clean.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        var cleaned = clean.ToString();
        return cleaned.Length <= maxLength ? cleaned : Cut(cleaned, maxLength);
    }

    private static string Cut(string text, int maxLength)
    {
        var end = maxLength - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return string.Concat(text.AsSpan(0, end), CutMarker.ToString());
    }
}
