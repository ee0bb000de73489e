namespace Marketplaces.TikTok.Uploads;

/// <summary>One chunk's bytes, <see cref="First"/> to <see cref="Last"/> inclusive, as Content-Range names them.</summary>
public readonly record struct TikTokChunk(int Index, long First, long Last)
{
    public long Length => Last - First + 1;

    public string ContentRange(long videoSize) => $"bytes {First}-{Last}/{videoSize}";
}

/// <summary>
/// How a FILE_UPLOAD video is cut (tiktok.md §4.4): <c>total_chunk_count = floor(video_size / chunk_size)</c>, the
/// remainder merged into the last chunk (so it may reach just under twice the chunk size, at most 128 MB); chunks of 5
/// to 64 MB ("MB" being 1,048,576 bytes); a video under 5 MB, or no larger than one chunk, sent whole; a video over
/// 64 MB in two chunks at least; 1 to 1,000 chunks; 4 GB at most.
/// </summary>
public sealed record TikTokChunkPlan(long VideoSize, long ChunkSize, int ChunkCount)
{
    public const long MB = 1024 * 1024;
    public const long MinChunk = 5 * MB;
    public const long MaxChunk = 64 * MB;
    public const long MaxLastChunk = 128 * MB;
    public const int MaxChunks = 1000;
    public const long MaxVideo = 4L * 1024 * MB;

    /// <summary>The chunk size used when the caller names none: small enough for progress and retries to be fine-grained.</summary>
    public const long DefaultChunk = 10 * MB;

    /// <param name="preferredChunk">5 to 64 MB. The 1,000-chunk limit never binds: 4 GB in 5 MB chunks is 819.</param>
    public static TikTokChunkPlan For(long videoSize, long preferredChunk = DefaultChunk)
    {
        if (videoSize <= 0) throw new ArgumentOutOfRangeException(nameof(videoSize), "A video has at least one byte.");
        if (videoSize > MaxVideo) throw new ArgumentOutOfRangeException(nameof(videoSize), "TikTok takes videos of 4 GB at most.");
        if (preferredChunk is < MinChunk or > MaxChunk) throw new ArgumentOutOfRangeException(nameof(preferredChunk), "A chunk is 5 to 64 MB.");
        if (videoSize < MinChunk || videoSize <= Math.Min(preferredChunk, MaxChunk) && videoSize <= MaxChunk) return new(videoSize, videoSize, 1);
        var chunk = preferredChunk;
        // Over 64 MB a single chunk is not allowed: halve so that there are two.
        if (videoSize / chunk < 2 && videoSize > MaxChunk) chunk = videoSize / 2;
        return new(videoSize, chunk, (int)(videoSize / chunk));
    }

    public IEnumerable<TikTokChunk> Chunks()
    {
        for (var i = 0; i < ChunkCount; i++)
            yield return new TikTokChunk(i, i * ChunkSize, i == ChunkCount - 1 ? VideoSize - 1 : (i + 1) * ChunkSize - 1);
    }

    /// <summary>The chunk that starts at <paramref name="offset"/> (TikTok's progress after a failed chunk), if one does.</summary>
    public TikTokChunk? StartingAt(long offset) => Chunks().Cast<TikTokChunk?>().FirstOrDefault(c => c!.Value.First == offset);
}
