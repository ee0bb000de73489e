using Marketplaces.TikTok.Uploads;
using static Marketplaces.TikTok.Uploads.TikTokChunkPlan;

namespace Marketplaces.Tests.TikTok;

/// <summary>tiktok.md §4.4's worked plans and the rule's boundaries.</summary>
public sealed class TikTokChunkPlanTests
{
    [Fact]
    public void Fifty_million_bytes_in_ten_million_byte_chunks_is_five_with_the_remainder_in_the_last()
    {
        var plan = For(50_000_123, 10_000_000);

        Assert.Equal((10_000_000L, 5), (plan.ChunkSize, plan.ChunkCount));
        Assert.Equal(["bytes 0-9999999/50000123", "bytes 10000000-19999999/50000123", "bytes 20000000-29999999/50000123",
            "bytes 30000000-39999999/50000123", "bytes 40000000-50000122/50000123"], plan.Chunks().Select(c => c.ContentRange(plan.VideoSize)));
        Assert.Equal(10_000_123, plan.Chunks().Last().Length);
    }

    [Fact]
    public void Four_mb_goes_whole() =>
        Assert.Equal(["bytes 0-4194303/4194304"], For(4_194_304).Chunks().Select(c => c.ContentRange(4_194_304)));

    [Fact]
    public void One_hundred_thirty_mb_in_64_mb_chunks_is_two_the_last_the_larger()
    {
        var plan = For(136_314_880, 64 * MB);

        Assert.Equal(["bytes 0-67108863/136314880", "bytes 67108864-136314879/136314880"], plan.Chunks().Select(c => c.ContentRange(plan.VideoSize)));
        Assert.Equal(69_206_016, plan.Chunks().Last().Length);
    }

    [Theory]
    [InlineData(5 * 1024 * 1024 - 10_486, 1)] // 4.99 MB
    [InlineData(5 * 1024 * 1024, 1)]
    [InlineData(64 * 1024 * 1024, 6)]
    [InlineData(64 * 1024 * 1024 + 1, 6)]
    public void The_boundaries_with_the_default_chunk(long size, int chunks)
    {
        var plan = For(size);

        Assert.Equal(chunks, plan.ChunkCount);
        Assert.Equal(size, plan.Chunks().Sum(c => c.Length));
    }

    [Theory]
    [InlineData(64 * 1024 * 1024, 1)]
    [InlineData(64 * 1024 * 1024 + 1, 2)]
    [InlineData(128 * 1024 * 1024 - 1, 2)]
    public void With_64_mb_chunks_a_video_over_64_mb_is_never_one_chunk(long size, int chunks)
    {
        var plan = For(size, 64 * MB);

        Assert.Equal(chunks, plan.ChunkCount);
        Assert.All(plan.Chunks().SkipLast(1), c => Assert.InRange(c.Length, MinChunk, MaxChunk));
        Assert.InRange(plan.Chunks().Last().Length, 1, MaxLastChunk);
    }

    [Fact]
    public void The_largest_video_in_the_smallest_chunks_stays_under_a_thousand_and_its_last_chunk_under_128_mb()
    {
        var plan = For(MaxVideo, MinChunk);

        Assert.Equal(819, plan.ChunkCount);
        Assert.True(plan.ChunkCount <= MaxChunks);
        Assert.All(plan.Chunks().SkipLast(1), c => Assert.InRange(c.Length, MinChunk, MaxChunk));
        Assert.InRange(plan.Chunks().Last().Length, MinChunk, MaxLastChunk);
        Assert.Equal(MaxVideo, plan.Chunks().Sum(c => c.Length));
        Assert.InRange(For(MaxVideo, MaxChunk).Chunks().Last().Length, MinChunk, MaxLastChunk);
    }

    [Fact]
    public void Chunks_are_contiguous_and_a_resume_finds_the_chunk_at_tiktoks_offset()
    {
        var plan = For(50_000_123, 10_000_000);

        Assert.All(plan.Chunks().Zip(plan.Chunks().Skip(1)), pair => Assert.Equal(pair.First.Last + 1, pair.Second.First));
        Assert.Equal(2, plan.StartingAt(20_000_000)?.Index);
        Assert.Null(plan.StartingAt(20_000_001));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4L * 1024 * 1024 * 1024 + 1)]
    public void A_size_tiktok_cannot_take_is_refused(long size) => Assert.Throws<ArgumentOutOfRangeException>(() => For(size));

    [Theory]
    [InlineData(5 * 1024 * 1024 - 1)]
    [InlineData(64 * 1024 * 1024 + 1)]
    public void A_chunk_size_outside_5_to_64_mb_is_refused(long chunk) => Assert.Throws<ArgumentOutOfRangeException>(() => For(100 * MB, chunk));
}
