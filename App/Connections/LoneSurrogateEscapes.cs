using System.Globalization;
using System.Text;

namespace Marketplaces.Connections;

/// <summary>
/// JSON's grammar allows an escaped unpaired UTF-16 surrogate (<c>"\ud800"</c>), which .NET's reader refuses to decode
/// into a string, and which no database can store. Such an escape becomes <c>\uFFFD</c> before the text is parsed, so a
/// buyer name with one is stored cleaned rather than its whole order set aside.
/// </summary>
public static class LoneSurrogateEscapes
{
    public static string Replace(string json)
    {
        if (!json.Contains("\\ud", StringComparison.OrdinalIgnoreCase)) return json;
        var clean = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 == json.Length)
            {
                clean.Append(json[i]);
                continue;
            }
            if (CodeUnit(json, i) is not { } unit)
            {
                // Any other escape, "\\" included, is copied whole so that its second character is not read as a start.
                clean.Append(json, i, 2);
                i++;
                continue;
            }
            if (char.IsHighSurrogate(unit) && CodeUnit(json, i + 6) is { } next && char.IsLowSurrogate(next))
            {
                clean.Append(json, i, 12);
                i += 11;
            }
            else
            {
                clean.Append(char.IsSurrogate(unit) ? "\\uFFFD" : json.AsSpan(i, 6));
                i += 5;
            }
        }
        return clean.ToString();
    }

    /// <summary>The code unit of a <c>\uXXXX</c> escape at <paramref name="at"/>, if there is one.</summary>
    private static char? CodeUnit(string json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
        && ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;
}
