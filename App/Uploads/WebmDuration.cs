using System.Buffers.Binary;

namespace Marketplaces.Uploads;

/// <summary>
/// A WebM (Matroska) file's duration: the Segment's Info element, <c>Duration</c> (a float) in units of
/// <c>TimestampScale</c> nanoseconds (1,000,000 unless given), found by walking the EBML elements with seeks so that the
/// clusters are not read. Null when the file has none (a live recording may leave it out).
/// </summary>
public static class WebmDuration
{
    private const uint Ebml = 0x1A45DFA3, Segment = 0x18538067, Info = 0x1549A966, TimestampScale = 0x2AD7B1, Duration = 0x4489;

    public static TimeSpan? Read(Stream file)
    {
        try
        {
            file.Position = 0;
            if (Element(file, file.Length) is not (Ebml, _, var headerEnd)) return null;
            file.Position = headerEnd;
            if (Element(file, file.Length) is not (Segment, var segmentStart, var segmentEnd)) return null;
            for (var at = segmentStart; at < segmentEnd;)
            {
                file.Position = at;
                if (Element(file, segmentEnd) is not var (id, start, end)) return null;
                if (id == Info) return InfoDuration(file, start, end);
                at = end;
            }
            return null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static TimeSpan? InfoDuration(Stream file, long from, long to)
    {
        (ulong Scale, double? Ticks) found = (1_000_000, null);
        for (var at = from; at < to;)
        {
            file.Position = at;
            if (Element(file, to) is not var (id, start, end)) break;
            var length = (int)(end - start);
            if (id == TimestampScale && length is > 0 and <= 8) found.Scale = UnsignedInteger(file, length);
            else if (id == Duration && length is 4 or 8) found.Ticks = Float(file, length);
            at = end;
        }
        return found.Ticks is { } ticks ? TimeSpan.FromSeconds(ticks * found.Scale / 1e9) : null;
    }

    /// <summary>The element at the stream's position: its id, and where its content starts and ends (unknown sizes run to <paramref name="limit"/>).</summary>
    private static (uint Id, long Start, long End)? Element(Stream file, long limit)
    {
        var id = VariableInteger(file, keepMarker: true, maxBytes: 4);
        var size = VariableInteger(file, keepMarker: false, maxBytes: 8);
        if (id is null || size is null) return null;
        var start = file.Position;
        var (value, length) = size.Value;
        var unknown = value == (1UL << (7 * length)) - 1;
        var end = unknown ? limit : start + (long)value;
        return end > limit ? null : ((uint)id.Value.Value, start, end);
    }

    /// <summary>EBML's variable-length integer: the count of leading zero bits in the first byte says how many bytes follow.</summary>
    private static (ulong Value, int Length)? VariableInteger(Stream file, bool keepMarker, int maxBytes)
    {
        var first = file.ReadByte();
        if (first <= 0) return null;
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 24 + 1;
        if (length > maxBytes) return null;
        var value = keepMarker ? (ulong)first : (ulong)(first & (0xFF >> length));
        for (var i = 1; i < length; i++)
        {
            var next = file.ReadByte();
            if (next < 0) throw new EndOfStreamException();
            value = (value << 8) | (uint)next;
        }
        return (value, length);
    }

    private static ulong UnsignedInteger(Stream file, int length)
    {
        ulong value = 0;
        for (var i = 0; i < length; i++) value = (value << 8) | (uint)file.ReadByte();
        return value;
    }

    private static double Float(Stream file, int length)
    {
        Span<byte> bytes = stackalloc byte[8];
        file.ReadExactly(bytes[..length]);
        return length == 4 ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadDoubleBigEndian(bytes);
    }
}
