using System.Text.Json;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Uploads;

/// <summary>
/// TikTok's <c>post.publish.*</c> webhooks (tiktok.md §5.3) applied to the upload whose publish id they name: complete,
/// inbox delivered and failed end it at once (the sender's polling sees it ended and stops); publicly available adds the
/// post id. Polling stays the safety net when no webhook is configured.
/// </summary>
public sealed class TikTokPublishEvents(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, Notifier<VideoUpload> changes) : IWebhookHandler
{
    public bool Handles(WebhookEvent delivery) => delivery.Kind == WebhookKind.PublishStatus;

    public async Task<(bool Failed, string Outcome)> HandleAsync(WebhookEvent delivery, CancellationToken ct)
    {
        if (Content(delivery.Body) is not { } content || Text(content, "publish_id") is not { } publishId) return (false, "The event names no publish id");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var upload = await db.Set<VideoUpload>().SingleOrDefaultAsync(u => u.PublishId == publishId, ct);
        if (upload is null) return (false, "No upload here has that publish id (posted from elsewhere)");
        switch (delivery.Topic)
        {
            case "post.publish.complete" when upload.FinishedAt is null || upload.State != VideoUploadState.Published:
                (upload.State, upload.Message, upload.TikTokStatus) = (VideoUploadState.Published, "Posted on TikTok", "PUBLISH_COMPLETE");
                break;
            case "post.publish.inbox_delivered" when upload.FinishedAt is null:
                (upload.State, upload.Message, upload.TikTokStatus) =
                    (VideoUploadState.SentToInbox, "In the creator's TikTok inbox: open TikTok's notification to finish the post", "SEND_TO_USER_INBOX");
                break;
            case "post.publish.failed":
                var reason = Text(content, "reason");
                (upload.State, upload.FailReason, upload.Message, upload.TikTokStatus) = (VideoUploadState.Failed, reason, TikTokFailReasons.Words(reason), "FAILED");
                break;
            case "post.publish.publicly_available" when content.RootElement.TryGetProperty("post_id", out var post) && post.TryGetInt64(out var postId):
                if (!upload.PostIds.Contains(postId)) upload.PostIds = [.. upload.PostIds, postId];
                break;
            default:
                return (false, $"Nothing to change for {delivery.Topic}");
        }
        upload.FinishedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        changes.Changed();
        return (false, $"Upload {upload.FileName}: {delivery.Topic}");
    }

    /// <summary><c>content</c> is a JSON string inside the envelope.</summary>
    private static JsonDocument? Content(string? body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body ?? "");
            return JsonDocument.Parse(envelope.RootElement.GetProperty("content").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonDocument json, string name) =>
        json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
