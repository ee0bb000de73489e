using System.Buffers.Binary;

namespace Marketplaces.Uploads;

/// <summary>
/// An MP4 or MOV file's duration, from its movie header (<c>moov/mvhd</c>: timescale and duration, 32-bit in version 0,
/// 64-bit in version 1; ISO/IEC 14496-12), found by walking the boxes with seeks, so that the movie's bytes are not
/// read. Null for a file without one (WebM, or not an ISO media file).
/// </summary>
public static class Mp4Duration
{
    public static TimeSpan? Read(Stream file)
    {
        try
        {
            return Find(file, 0, file.Length, "moov") is { } moov && Find(file, moov.Start, moov.End, "mvhd") is { } mvhd ? Header(file, mvhd.Start) : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>The first box of <paramref name="type"/> between <paramref name="from"/> and <paramref name="to"/>: where its content starts and ends.</summary>
    private static (long Start, long End)? Find(Stream file, long from, long to, string type)
    {
        Span<byte> header = stackalloc byte[16];
        for (var at = from; at + 8 <= to;)
        {
            file.Position = at;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var name = System.Text.Encoding.ASCII.GetString(header.Slice(4, 4));
            var content = at + 8;
            if (size == 1)
            {
                file.ReadExactly(header.Slice(8, 8));
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
                content += 8;
            }
            else if (size == 0)
            {
                size = to - at;
            }
            if (size < content - at || at + size > to) return null;
            if (name == type) return (content, at + size);
            at += size;
        }
        return null;
    }

    private static TimeSpan? Header(Stream file, long start)
    {
        file.Position = start;
        Span<byte> box = stackalloc byte[32];
        file.ReadExactly(box[..1]);
        var version = box[0];
        file.Position = start + 4 + (version == 1 ? 16 : 8);
        file.ReadExactly(box[..(version == 1 ? 12 : 8)]);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(box);
        var duration = version == 1 ? BinaryPrimitives.ReadUInt64BigEndian(box.Slice(4, 8)) : BinaryPrimitives.ReadUInt32BigEndian(box.Slice(4, 4));
        return timescale == 0 ? null : TimeSpan.FromSeconds((double)duration / timescale);
    }
}
