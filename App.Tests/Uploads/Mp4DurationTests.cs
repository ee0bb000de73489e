using System.Buffers.Binary;
using Marketplaces.Uploads;

namespace Marketplaces.Tests.Uploads;

public sealed class Mp4DurationTests
{
    private static byte[] Box(string type, byte[] content, bool large = false)
    {
        var header = large ? 16 : 8;
        var box = new byte[header + content.Length];
        if (large)
        {
            BinaryPrimitives.WriteUInt32BigEndian(box, 1);
            BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(8), (ulong)box.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        }
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        content.CopyTo(box, header);
        return box;
    }

    /// <summary>A movie header: version 0 (32-bit times) or 1 (64-bit), then the fields this does not read.</summary>
    private static byte[] Mvhd(byte version, uint timescale, ulong duration)
    {
        var content = new byte[version == 1 ? 112 : 100];
        content[0] = version;
        var at = version == 1 ? 20 : 12;
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(at), timescale);
        if (version == 1) BinaryPrimitives.WriteUInt64BigEndian(content.AsSpan(at + 4), duration);
        else BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(at + 4), (uint)duration);
        return Box("mvhd", content);
    }

    /// <summary>An MP4 of <paramref name="seconds"/> with its media data before the movie box, as most cameras write it.</summary>
    public static byte[] Movie(double seconds, int mediaBytes = 4096, byte version = 0, bool largeMedia = false) =>
    [
        .. Box("ftyp", "mp42\0\0\0\0mp42isom"u8.ToArray()),
        .. Box("mdat", new byte[mediaBytes], largeMedia),
        .. Box("moov", Mvhd(version, 1000, (ulong)(seconds * 1000))),
    ];

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void The_movie_header_gives_the_length(byte version, bool largeMedia) =>
        Assert.Equal(TimeSpan.FromSeconds(61.5), Mp4Duration.Read(new MemoryStream(Movie(61.5, version: version, largeMedia: largeMedia))));

    [Fact]
    public void A_file_without_a_movie_header_has_no_length()
    {
        Assert.Null(Mp4Duration.Read(new MemoryStream([.. Box("ftyp", new byte[8]), .. Box("mdat", new byte[64])])));
        Assert.Null(Mp4Duration.Read(new MemoryStream(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0, 0, 0 })));
        Assert.Null(Mp4Duration.Read(new MemoryStream(Movie(10)[..^40])));
    }
}
