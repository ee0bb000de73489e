using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplaces.Connections;

namespace Marketplaces.TikTok.Uploads;

/// <summary>What <c>creator_info/query</c> says the creator may post (tiktok.md §4.1).</summary>
public sealed record TikTokCreatorInfo(
    string Nickname, string Username, string AvatarUrl, IReadOnlyList<string> PrivacyLevelOptions, bool CommentDisabled, bool DuetDisabled,
    bool StitchDisabled, int MaxVideoPostDurationSeconds);

/// <summary>A Direct Post's <c>post_info</c> (tiktok.md §4.2); null for an inbox draft, which takes none.</summary>
public sealed record TikTokPostInfo(
    string Title, string PrivacyLevel, bool DisableComment, bool DisableDuet, bool DisableStitch, bool BrandContent, bool BrandOrganic);

/// <summary>Where a publish stands (tiktok.md §4.5).</summary>
/// <param name="ReceivedBytes">What TikTok holds: <c>uploaded_bytes</c> of a file upload, <c>downloaded_bytes</c> of a pull.</param>
public sealed record TikTokPublishStatus(string Status, string? FailReason, long ReceivedBytes, IReadOnlyList<long> PostIds)
{
    public bool Finished => Status is "PUBLISH_COMPLETE" or "SEND_TO_USER_INBOX" or "FAILED";
}

/// <summary>
/// The Content Posting calls (tiktok.md §4): creator info, Direct Post or inbox init with FILE_UPLOAD and its chunk plan
/// or PULL_FROM_URL,
/// the chunks PUT one after the other to the upload URL with their exact Content-Range and Content-Type, and status fetch.
/// A chunk TikTok answers 416 to is resumed from the progress TikTok reports; a 5xx sends the same chunk again, up to
/// three times.
/// </summary>
public static partial class TikTokContentPosting
{
    private const int Attempts = 3;

    public static async Task<TikTokCreatorInfo> CreatorInfoAsync(ConnectionApi api, CancellationToken ct)
    {
        using var json = await TikTokApi.PostAsync(api, "/v2/post/publish/creator_info/query/", null, "creator_info", ct);
        var data = json.RootElement.GetProperty("data");
        return new TikTokCreatorInfo(Text(data, "creator_nickname"), Text(data, "creator_username"), Text(data, "creator_avatar_url"),
            data.GetProperty("privacy_level_options").EnumerateArray().Select(o => o.GetString()!).ToList(),
            data.GetProperty("comment_disabled").GetBoolean(), data.GetProperty("duet_disabled").GetBoolean(), data.GetProperty("stitch_disabled").GetBoolean(),
            data.GetProperty("max_video_post_duration_sec").GetInt32());
    }

    /// <returns>The publish id and, for a file upload, the upload URL (valid an hour).</returns>
    public static async Task<(string PublishId, string? UploadUrl)> InitAsync(ConnectionApi api, TikTokPostInfo? post, TikTokVideoSource video, CancellationToken ct)
    {
        var source = video.SourceInfo;
        object body = post is null
            ? new { source_info = source }
            : new
            {
                post_info = new
                {
                    title = post.Title, privacy_level = post.PrivacyLevel, disable_comment = post.DisableComment, disable_duet = post.DisableDuet,
                    disable_stitch = post.DisableStitch, brand_content_toggle = post.BrandContent, brand_organic_toggle = post.BrandOrganic,
                },
                source_info = source,
            };
        using var json = await TikTokApi.PostAsync(api, post is null ? "/v2/post/publish/inbox/video/init/" : "/v2/post/publish/video/init/", body, "video.init", ct);
        var data = json.RootElement.GetProperty("data");
        return (Text(data, "publish_id"), video is TikTokVideoSource.FileUpload ? Text(data, "upload_url") : null);
    }

    /// <summary>Sends every chunk in order; <paramref name="sent"/> hears the bytes TikTok has after each.</summary>
    public static async Task UploadAsync(ConnectionApi api, string uploadUrl, TikTokChunkPlan plan, Func<Stream> open, string contentType,
        IProgress<long>? sent, CancellationToken ct)
    {
        await using var file = open();
        var chunk = plan.Chunks().First();
        for (var attempt = 1; ; )
        {
            file.Position = chunk.First;
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new StreamContent(new ChunkStream(file, chunk.Length)) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Content.Headers.ContentLength = chunk.Length;
            request.Content.Headers.ContentRange = ContentRangeHeaderValue.Parse(chunk.ContentRange(plan.VideoSize));
            using var response = await api.SendAsIsAsync(request, ct);
            var progress = Progress(response);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    sent?.Report(plan.VideoSize);
                    return;
                case HttpStatusCode.PartialContent:
                    sent?.Report(chunk.Last + 1);
                    chunk = plan.Chunks().ElementAt(chunk.Index + 1);
                    attempt = 1;
                    continue;
                case HttpStatusCode.RequestedRangeNotSatisfiable when progress is { } has && plan.StartingAt(has) is { } next && next.Index != chunk.Index:
                    // TikTok has more (or less) than this chunk assumed, as after a lost answer: go on from where it stands.
                    sent?.Report(has);
                    chunk = next;
                    continue;
                case >= HttpStatusCode.InternalServerError when attempt < Attempts:
                    attempt++;
                    continue;
                case HttpStatusCode.Forbidden:
                    throw new MarketplaceException(MarketplaceErrorKind.Rejected, "TikTok's upload address has expired (it lasts an hour): start the upload again.");
                default:
                    throw new MarketplaceException(response.StatusCode >= HttpStatusCode.InternalServerError ? MarketplaceErrorKind.Transient : MarketplaceErrorKind.Rejected,
                        $"TikTok refused chunk {chunk.Index + 1} of {plan.ChunkCount} ({chunk.ContentRange(plan.VideoSize)}) with {(int)response.StatusCode}",
                        statusCode: (int)response.StatusCode);
            }
        }
    }

    public static async Task<TikTokPublishStatus> StatusAsync(ConnectionApi api, string publishId, CancellationToken ct)
    {
        using var json = await TikTokApi.PostAsync(api, "/v2/post/publish/status/fetch/", new { publish_id = publishId }, "status.fetch", ct);
        var data = json.RootElement.GetProperty("data");
        return new TikTokPublishStatus(Text(data, "status"), data.TryGetProperty("fail_reason", out var reason) ? reason.GetString() : null,
            Bytes(data, "uploaded_bytes") ?? Bytes(data, "downloaded_bytes") ?? 0,
            data.TryGetProperty("publicaly_available_post_id", out var ids) && ids.ValueKind == JsonValueKind.Array
                ? ids.EnumerateArray().Select(i => i.GetInt64()).ToList() : []);
    }

    private static long? Bytes(JsonElement data, string name) => data.TryGetProperty(name, out var n) && n.TryGetInt64(out var bytes) ? bytes : null;

    /// <summary>The bytes TikTok holds, from its <c>Content-Range: bytes 0-{last}/{total}</c> answer.</summary>
    private static long? Progress(HttpResponseMessage response)
    {
        var header = response.Content.Headers.ContentRange?.ToString() ?? (response.Headers.TryGetValues("Content-Range", out var values) ? values.FirstOrDefault() : null);
        return header is not null && ProgressHeader().Match(header) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1 : null;
    }

    [GeneratedRegex(@"^bytes 0-(\d+)/\d+$")]
    private static partial Regex ProgressHeader();

    private static string Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"TikTok's answer has no {name}");
}
