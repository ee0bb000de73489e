using Marketplaces.TikTok.Uploads;

namespace Marketplaces.TikTok.Sandbox.Posting;

/// <summary>
/// One publish task of the emulator: a Direct Post or an inbox draft, its chunk plan as the init declared it, the bytes
/// received so far (only counted, never kept: a 4 GB upload costs the emulator nothing), and what processing made of it.
/// </summary>
public sealed class TikTokSandboxPublish
{
    public required string PublishId { get; init; }
    public required string Account { get; init; }
    public required bool Direct { get; init; }
    public required string? PrivacyLevel { get; init; }
    /// <summary>The declared chunks of a file upload; null for a pull.</summary>
    public required TikTokChunkPlan? Plan { get; init; }

    /// <summary>Where a PULL_FROM_URL publish downloads the video from; null for a file upload.</summary>
    public string? PullUrl { get; init; }

    public required string UploadToken { get; init; }
    public required DateTimeOffset UploadExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Bytes uploaded to it, or downloaded by it.</summary>
    public long Received { get; set; }
    public int ChunksReceived { get; set; }

    /// <summary>The first bytes of the file, enough to tell its container.</summary>
    public byte[] Head { get; set; } = [];

    public DateTimeOffset? UploadedAt { get; set; }
    public string? FailReason { get; set; }
    public long? PostId { get; set; }
}
