using System.Buffers.Binary;
using Marketplaces.Uploads;

namespace Marketplaces.Tests.Uploads;

public sealed class WebmDurationTests
{
    /// <summary>An EBML element: its id bytes, its size in one or two bytes (or the 8-byte "unknown"), its content.</summary>
    private static byte[] Element(byte[] id, byte[] content, bool unknownSize = false) =>
    [
        .. id,
        .. unknownSize ? new byte[] { 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }
            : content.Length < 127 ? [(byte)(0x80 | content.Length)] : [(byte)(0x40 | content.Length >> 8), (byte)content.Length],
        .. content,
    ];

    private static byte[] Float(double value, int length)
    {
        var bytes = new byte[length];
        if (length == 4) BinaryPrimitives.WriteSingleBigEndian(bytes, (float)value);
        else BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return bytes;
    }

    /// <summary>A WebM: the EBML header, then a Segment with a SeekHead-like element, the Info and a cluster.</summary>
    public static byte[] Video(double ticks, int floatLength = 8, byte[]? scale = null, bool unknownSegment = false)
    {
        byte[] info = [.. scale is null ? [] : Element([0x2A, 0xD7, 0xB1], scale), .. Element([0x44, 0x89], Float(ticks, floatLength))];
        byte[] segment = [.. Element([0x11, 0x4D, 0x9B, 0x74], new byte[20]), .. Element([0x15, 0x49, 0xA9, 0x66], info), .. Element([0x1F, 0x43, 0xB6, 0x75], new byte[100])];
        return [.. Element([0x1A, 0x45, 0xDF, 0xA3], [0x42, 0x82, 0x84, .. "webm"u8]), .. Element([0x18, 0x53, 0x80, 0x67], segment, unknownSegment)];
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(4, false)]
    [InlineData(8, true)]
    public void Duration_in_the_default_millisecond_scale(int floatLength, bool unknownSegment) =>
        Assert.Equal(95.5, Math.Round(WebmDuration.Read(new MemoryStream(Video(95_500, floatLength, unknownSegment: unknownSegment)))!.Value.TotalSeconds, 3));

    [Fact]
    public void A_timestamp_scale_given_in_the_info_is_applied() =>
        Assert.Equal(95.5, Math.Round(WebmDuration.Read(new MemoryStream(Video(9_550, scale: [0x98, 0x96, 0x80])))!.Value.TotalSeconds, 3));

    [Fact]
    public void A_file_that_is_no_webm_has_no_length()
    {
        Assert.Null(WebmDuration.Read(new MemoryStream(Mp4DurationTests.Movie(10))));
        Assert.Null(WebmDuration.Read(new MemoryStream(Video(1000)[..20])));
    }
}
