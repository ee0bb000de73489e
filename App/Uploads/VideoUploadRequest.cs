namespace Marketplaces.Uploads;

/// <summary>What the seller chose on the upload form.</summary>
public sealed record VideoUploadRequest(
    Guid ConnectionId, string FileName, long Size, VideoUploadMode Mode, string Caption, string? PrivacyLevel,
    bool DisableComment, bool DisableDuet, bool DisableStitch, bool BrandContent, bool BrandOrganic,
    VideoUploadSource Source = VideoUploadSource.FileUpload)
{
    public const int MaxCaption = 2200;

    /// <summary>The containers TikTok takes (tiktok.md §4.4), by file extension, with the Content-Type each chunk carries.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4", [".mov"] = "video/quicktime", [".webm"] = "video/webm",
    };

    public string? ContentType => Types.GetValueOrDefault(Path.GetExtension(FileName));

    /// <summary>What is wrong with the request, in words, before anything is stored or sent; null when nothing is.</summary>
    public string? Problem()
    {
        if (ContentType is null) return "TikTok takes MP4, MOV or WebM videos.";
        if (Size <= 0) return "The file is empty.";
        if (Size > TikTok.Uploads.TikTokChunkPlan.MaxVideo) return "TikTok takes videos of 4 GB at most.";
        // TikTok counts the caption in UTF-16 code units, as .NET strings do.
        if (Caption.Length > MaxCaption) return $"The caption is {Caption.Length} characters; TikTok takes {MaxCaption}.";
        if (Mode == VideoUploadMode.DirectPost && string.IsNullOrEmpty(PrivacyLevel)) return "Choose who can see the post.";
        return null;
    }
}
