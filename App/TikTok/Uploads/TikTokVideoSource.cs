namespace Marketplaces.TikTok.Uploads;

/// <summary>How TikTok gets the video (tiktok.md §4.4): <c>source_info</c> of an init.</summary>
public abstract record TikTokVideoSource
{
    public abstract object SourceInfo { get; }

    /// <summary>The app sends the file to the upload URL, in the plan's chunks.</summary>
    public sealed record FileUpload(TikTokChunkPlan Plan) : TikTokVideoSource
    {
        public override object SourceInfo => new { source = "FILE_UPLOAD", video_size = Plan.VideoSize, chunk_size = Plan.ChunkSize, total_chunk_count = Plan.ChunkCount };
    }

    /// <summary>TikTok downloads the file from an https URL under a prefix verified for the app.</summary>
    public sealed record PullFromUrl(string VideoUrl) : TikTokVideoSource
    {
        public override object SourceInfo => new { source = "PULL_FROM_URL", video_url = VideoUrl };
    }
}
