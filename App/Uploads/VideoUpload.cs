using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Uploads;

public enum VideoUploadMode { DirectPost, Inbox }

/// <summary>How TikTok gets the file: sent from here in chunks, or fetched by TikTok from this app's public address.</summary>
public enum VideoUploadSource { FileUpload, PullFromUrl }

public enum VideoUploadState
{
    /// <summary>The browser is sending the file to the app.</summary>
    Receiving,
    /// <summary>Stored under Data/media/uploads, waiting for its job.</summary>
    Queued,
    /// <summary>Going to TikTok chunk by chunk.</summary>
    Sending,
    /// <summary>All bytes are at TikTok; it processes them.</summary>
    Processing,
    Published,
    SentToInbox,
    Failed,
}

/// <summary>One video on its way to TikTok: what the seller chose, the file kept for it, and how far it got.</summary>
public sealed class VideoUpload
{
    public Guid Id { get; set; }
    public Guid ConnectionId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>The file's name under Data/media/uploads; null once deleted.</summary>
    public string? StoredFile { get; set; }

    public VideoUploadMode Mode { get; set; }
    public VideoUploadSource Source { get; set; }
    public string Caption { get; set; } = "";
    public string? PrivacyLevel { get; set; }
    public bool DisableComment { get; set; }
    public bool DisableDuet { get; set; }
    public bool DisableStitch { get; set; }
    public bool BrandContent { get; set; }
    public bool BrandOrganic { get; set; }

    public VideoUploadState State { get; set; }
    public long ReceivedBytes { get; set; }
    public long SentBytes { get; set; }
    public string? PublishId { get; set; }

    /// <summary>TikTok's upload URL (a capability: whoever holds it can upload) as ciphertext, with its end of life.</summary>
    public string? UploadUrlCiphertext { get; set; }
    public DateTimeOffset? UploadUrlExpiresAt { get; set; }

    public string? TikTokStatus { get; set; }
    public string? FailReason { get; set; }

    /// <summary>What the seller reads about the last step, in words.</summary>
    public string? Message { get; set; }

    public List<long> PostIds { get; set; } = [];

    /// <summary>The creator's TikTok username as creator_info gave it before posting: the post's address names it.</summary>
    public string? CreatorUsername { get; set; }

    /// <summary>A published post's page on TikTok (the public address form; tiktok.md does not give one).</summary>
    public string? PostUrl(long postId) => CreatorUsername is { } name ? $"https://www.tiktok.com/@{name}/video/{postId}" : null;
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? UploadedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

internal sealed class VideoUploadConfiguration : IEntityTypeConfiguration<VideoUpload>
{
    public void Configure(EntityTypeBuilder<VideoUpload> entity)
    {
        entity.ToTable("video_uploads");
        entity.HasKey(u => u.Id);
        entity.Property(u => u.Mode).HasConversion<string>();
        entity.Property(u => u.Source).HasConversion<string>();
        entity.Property(u => u.State).HasConversion<string>();
        entity.HasIndex(u => u.CreatedAt);
        entity.HasOne<Connection>().WithMany().HasForeignKey(u => u.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
