using System.Globalization;

namespace Marketplaces.Connections;

/// <summary>
/// JSON's grammar allows an escaped unpaired UTF-16 surrogate (<c>"\ud800"</c>), which .NET's reader refuses to decode
/// into a string, and which no database can store. Such an escape becomes <c>\uFFFD</c>, as long, in place in the UTF-8
/// body before it is parsed, so a buyer name with one is stored cleaned rather than its whole order set aside.
/// </summary>
public static class LoneSurrogateEscapes
{
    public static void Replace(Span<byte> json)
    {
        for (var at = json.IndexOf((byte)'\\'); at >= 0 && at + 1 < json.Length;)
        {
            // Any other escape, "\\" included, is stepped over whole so that its second character is not read as a start.
            var length = 2;
            if (CodeUnit(json, at) is { } unit)
            {
                length = 6;
                if (char.IsHighSurrogate(unit) && CodeUnit(json, at + 6) is { } next && char.IsLowSurrogate(next)) length = 12;
                else if (char.IsSurrogate(unit)) "\\uFFFD"u8.CopyTo(json[at..]);
            }
            var rest = json[(at + length)..].IndexOf((byte)'\\');
            at = rest < 0 ? -1 : at + length + rest;
        }
    }

    /// <summary>The code unit of a <c>\uXXXX</c> escape at <paramref name="at"/>, if there is one.</summary>
    private static char? CodeUnit(ReadOnlySpan<byte> json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
        && ushort.TryParse(json.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;
}
