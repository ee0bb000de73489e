using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.TikTok.Uploads;

namespace Marketplaces.TikTok.Sandbox.Posting;

/// <summary>
/// TikTok's Content Posting API for videos (tiktok.md §4): creator info, Direct Post and inbox init with FILE_UPLOAD
/// (the declared size, chunk size and count checked against the floor rule), the upload URL taking chunked PUTs in order
/// (each Content-Range, Content-Type and length checked: 206 then 201, 416 out of order, 403 once the URL's hour is
/// over, 404 for no such task), and status fetch: PROCESSING_UPLOAD until a second after the last byte, then
/// PUBLISH_COMPLETE (Direct Post, with a post id) or SEND_TO_USER_INBOX, or FAILED with
/// <c>file_format_check_failed</c> when the bytes are no MP4, MOV or WebM. PULL_FROM_URL takes an https URL under the
/// URL prefix verified for the sandbox's app (its <c>verifiedUrlPrefix</c>, this app's own <c>/media/pull/</c>; else 403
/// <c>url_ownership_unverified</c>), downloads it at once without following redirects (PROCESSING_DOWNLOAD with
/// <c>downloaded_bytes</c>; a redirect or a failed download ends FAILED with <c>video_pull_failed</c>), then processes it
/// as an upload. The sandbox reaches only this app, over its own address, which may be plain http on a loopback: a URL
/// under that address is taken as TikTok takes an https one.
/// </summary>
internal sealed class TikTokPostingEndpoints(SandboxApps apps, SandboxGrants grants, PublicUrls urls, TimeProvider clock)
{
    private static readonly HttpClient Downloads = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromHours(1) };
    public static readonly string[] PrivacyOptions = ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"];
    public const int MaxDurationSeconds = 600;
    private static readonly string[] VideoTypes = ["video/mp4", "video/quicktime", "video/webm"];
    private static readonly TimeSpan UploadLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan Processing = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, TikTokSandboxPublish> _publishes = new();
    private long _next = 123_456_789;

    public IReadOnlyList<TikTokSandboxPublish> Publishes(string account) => _publishes.Values.Where(p => p.Account == account).ToList();

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/open-api/v2/post/publish/creator_info/query/", CreatorInfoAsync);
        routes.MapPost("/open-api/v2/post/publish/video/init/", (HttpRequest request, CancellationToken ct) => InitAsync(request, direct: true, ct));
        routes.MapPost("/open-api/v2/post/publish/inbox/video/init/", (HttpRequest request, CancellationToken ct) => InitAsync(request, direct: false, ct));
        routes.MapPut("/upload/", UploadAsync);
        routes.MapPost("/open-api/v2/post/publish/status/fetch/", StatusAsync);
    }

    private async Task<IResult> CreatorInfoAsync(HttpRequest request, CancellationToken ct)
    {
        var (grant, refused) = await CallerAsync(request, "video.publish", ct);
        if (grant is null) return refused!;
        var user = TikTokSandboxAccount.From(grant.Account, grant.ClientKey);
        return Results.Json(new
        {
            data = new
            {
                creator_avatar_url = $"{urls.SandboxRoot}/tiktok/avatar/{user.OpenId}.svg", creator_username = user.Name, creator_nickname = user.DisplayName,
                privacy_level_options = PrivacyOptions, comment_disabled = false, duet_disabled = false, stitch_disabled = true,
                max_video_post_duration_sec = MaxDurationSeconds,
            },
            error = TikTokErrors.Ok(),
        });
    }

    private async Task<IResult> InitAsync(HttpRequest request, bool direct, CancellationToken ct)
    {
        var (grant, refused) = await CallerAsync(request, direct ? "video.publish" : "video.upload", ct);
        if (grant is null) return refused!;
        if (await SandboxBody.ReadObjectAsync(request, ct) is not { } body) return Invalid("The body must be a JSON object.");
        string? privacy = null;
        if (direct)
        {
            if (body["post_info"] is not JsonObject post) return Invalid("post_info is required.");
            privacy = Text(post, "privacy_level");
            if (privacy is null) return Invalid("post_info.privacy_level is required.");
            if (!PrivacyOptions.Contains(privacy))
                return TikTokErrors.Api(StatusCodes.Status403Forbidden, "privacy_level_option_mismatch", "privacy_level is not one of the creator's privacy_level_options.");
            if ((Text(post, "title") ?? "").Length > 2200) return Invalid("post_info.title is longer than 2200 characters.");
        }
        if (body["source_info"] is not JsonObject source) return Invalid("source_info is required.");
        return Text(source, "source") switch
        {
            "FILE_UPLOAD" => Upload(source, grant.Account, direct, privacy),
            "PULL_FROM_URL" => await PullAsync(source, grant.Account, direct, privacy, ct),
            _ => Invalid("source_info.source must be FILE_UPLOAD or PULL_FROM_URL."),
        };
    }

    private IResult Upload(JsonObject source, string account, bool direct, string? privacy)
    {
        if (Number(source, "video_size") is not { } size || Number(source, "chunk_size") is not { } chunk || Number(source, "total_chunk_count") is not { } count)
            return Invalid("FILE_UPLOAD needs video_size, chunk_size and total_chunk_count.");
        if (Problem(size, chunk, count) is { } problem) return Invalid(problem);
        if (Capped(account, direct) is { } capped) return capped;
        var publish = Add(account, direct, privacy, new TikTokChunkPlan(size, chunk, (int)count), null, direct ? "v_pub_file~v2-1." : "v_inbox_file~v2.");
        return Results.Json(new
        {
            data = new
            {
                publish_id = publish.PublishId,
                upload_url = $"{urls.SandboxRoot}/tiktok/upload/?upload_id={Uri.EscapeDataString(publish.PublishId)}&upload_token={publish.UploadToken}",
            },
            error = TikTokErrors.Ok(),
        });
    }

    private async Task<IResult> PullAsync(JsonObject source, string account, bool direct, string? privacy, CancellationToken ct)
    {
        if (Text(source, "video_url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var address)) return Invalid("PULL_FROM_URL needs video_url, an absolute URL.");
        if (address.Scheme != Uri.UriSchemeHttps && !url.StartsWith(urls.BaseUrl + "/", StringComparison.Ordinal)) return Invalid("video_url must be an https URL.");
        var verified = (await apps.GetAsync(TikTokSandboxRules.Id, ct)).GetValueOrDefault("verifiedUrlPrefix");
        if (verified is null || !url.StartsWith(verified, StringComparison.Ordinal))
            return TikTokErrors.Api(StatusCodes.Status403Forbidden, "url_ownership_unverified", "The video_url is not under a domain or URL prefix verified for the app.");
        if (Capped(account, direct) is { } capped) return capped;
        var publish = Add(account, direct, privacy, null, url, direct ? "v_pub_url~v2-1." : "v_inbox_url~v2.");
        _ = Task.Run(() => DownloadAsync(publish), CancellationToken.None);
        return Results.Json(new { data = new { publish_id = publish.PublishId }, error = TikTokErrors.Ok() });
    }

    private TikTokSandboxPublish Add(string account, bool direct, string? privacy, TikTokChunkPlan? plan, string? pullUrl, string idPrefix)
    {
        var id = idPrefix + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        return _publishes[id] = new TikTokSandboxPublish
        {
            PublishId = id, Account = account, Direct = direct, PrivacyLevel = privacy, Plan = plan, PullUrl = pullUrl,
            UploadToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UploadExpiresAt = clock.GetUtcNow() + UploadLifetime,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>TikTok's side of a pull: the whole file read, counted as it comes; a redirect or an error status fails it.</summary>
    private async Task DownloadAsync(TikTokSandboxPublish publish)
    {
        try
        {
            using var response = await Downloads.GetAsync(publish.PullUrl, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                publish.FailReason = "video_pull_failed";
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync();
            var (_, head) = await CountAsync(body, long.MaxValue, keepHead: true, CancellationToken.None, counted => publish.Received = counted);
            publish.Head = head;
            Processed(publish);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            publish.FailReason = "video_pull_failed";
        }
        finally
        {
            publish.UploadedAt = clock.GetUtcNow();
        }
    }

    /// <summary>All bytes are there: a format check, then a post id for a Direct Post.</summary>
    private void Processed(TikTokSandboxPublish publish)
    {
        if (!IsVideo(publish.Head)) publish.FailReason = "file_format_check_failed";
        else if (publish.Direct) publish.PostId = 7_300_000_000_000_000_000 + Interlocked.Increment(ref _next);
    }

    /// <summary>
    /// The creator's caps (tiktok.md §4.6): at most 5 inbox shares pending in any 24 hours; Direct Posts capped per creator
    /// per day, "typically around 15" (the sandbox's creators all have 15).
    /// </summary>
    private IResult? Capped(string account, bool direct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var recent = _publishes.Values.Count(p => p.Account == account && p.Direct == direct && p.CreatedAt > since);
        if (!direct && recent >= MaxPendingShares)
            return TikTokErrors.Api(StatusCodes.Status403Forbidden, "spam_risk_too_many_pending_share", "The user has too many pending shares in the last 24 hours.");
        return direct && recent >= MaxDirectPosts
            ? TikTokErrors.Api(StatusCodes.Status403Forbidden, "spam_risk_too_many_posts", "The user has posted too many times today.")
            : null;
    }

    public const int MaxPendingShares = 5;
    public const int MaxDirectPosts = 15;

    /// <summary>What is wrong with a declared plan, by tiktok.md §4.4's rule; null when TikTok takes it.</summary>
    public static string? Problem(long size, long chunk, long count)
    {
        if (size <= 0 || size > TikTokChunkPlan.MaxVideo) return "video_size must be 1 byte to 4 GB.";
        if (count is < 1 or > TikTokChunkPlan.MaxChunks) return "total_chunk_count must be 1 to 1000.";
        if (size < TikTokChunkPlan.MinChunk) return chunk == size && count == 1 ? null : "A video under 5 MB is sent whole: chunk_size = video_size, total_chunk_count = 1.";
        if (chunk is < TikTokChunkPlan.MinChunk || chunk > TikTokChunkPlan.MaxChunk && !(count == 1 && chunk == size))
            return "chunk_size must be 5 MB to 64 MB.";
        if (count == 1 && size > TikTokChunkPlan.MaxChunk) return "A video over 64 MB must be sent in chunks.";
        if (count != size / chunk) return $"total_chunk_count must be floor(video_size / chunk_size) = {size / chunk}.";
        return size - (count - 1) * chunk > TikTokChunkPlan.MaxLastChunk ? "The last chunk would be over 128 MB." : null;
    }

    private async Task<IResult> UploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!_publishes.TryGetValue(request.Query["upload_id"].ToString(), out var publish) || publish.UploadToken != request.Query["upload_token"].ToString())
            return Results.NotFound();
        if (publish.Plan is not { } plan) return Results.NotFound();
        if (clock.GetUtcNow() > publish.UploadExpiresAt) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (!VideoTypes.Contains(request.ContentType?.Split(';')[0].Trim())) return Results.BadRequest();
        if (ContentRange(request.Headers.ContentRange.ToString()) is not var (first, last, total) || total != plan.VideoSize) return Results.BadRequest();
        var expected = plan.Chunks().ElementAtOrDefault(publish.ChunksReceived);
        if (publish.UploadedAt is not null || first != expected.First || last != expected.Last)
        {
            Progress(request.HttpContext.Response, publish);
            return Results.StatusCode(StatusCodes.Status416RangeNotSatisfiable);
        }
        if (request.ContentLength != expected.Length) return Results.BadRequest();
        var (read, head) = await CountAsync(request.Body, expected.Length, publish.ChunksReceived == 0, ct);
        if (read != expected.Length) return Results.BadRequest();
        if (publish.ChunksReceived == 0) publish.Head = head;
        publish.Received += read;
        publish.ChunksReceived++;
        Progress(request.HttpContext.Response, publish);
        if (publish.ChunksReceived < plan.ChunkCount) return Results.StatusCode(StatusCodes.Status206PartialContent);
        Processed(publish);
        publish.UploadedAt = clock.GetUtcNow();
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private async Task<IResult> StatusAsync(HttpRequest request, CancellationToken ct)
    {
        var (grant, refused) = await CallerAsync(request, null, ct);
        if (grant is null) return refused!;
        if (await SandboxBody.ReadObjectAsync(request, ct) is not { } body || Text(body, "publish_id") is not { } id || !_publishes.TryGetValue(id, out var publish))
            return TikTokErrors.Api(StatusCodes.Status400BadRequest, "invalid_publish_id", "The publish_id does not exist.");
        if (publish.Account != grant.Account)
            return TikTokErrors.Api(StatusCodes.Status400BadRequest, "token_not_authorized_for_specified_publish_id", "The token is not the publish's creator's.");
        var processed = publish.UploadedAt is { } at && clock.GetUtcNow() - at >= Processing;
        var pulled = publish.PullUrl is not null;
        var status = !processed ? (pulled ? "PROCESSING_DOWNLOAD" : "PROCESSING_UPLOAD")
            : publish.FailReason is not null ? "FAILED" : publish.Direct ? "PUBLISH_COMPLETE" : "SEND_TO_USER_INBOX";
        var data = new JsonObject { ["status"] = status, [pulled ? "downloaded_bytes" : "uploaded_bytes"] = publish.Received };
        if (status == "FAILED") data["fail_reason"] = publish.FailReason;
        if (status == "PUBLISH_COMPLETE" && publish.PrivacyLevel == "PUBLIC_TO_EVERYONE") data["publicaly_available_post_id"] = new JsonArray(publish.PostId);
        return Results.Json(new { data, error = TikTokErrors.Ok() });
    }

    private async Task<(TikTokGrant? Grant, IResult? Refused)> CallerAsync(HttpRequest request, string? scope, CancellationToken ct)
    {
        var found = await grants.FindAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Access, BearerToken.Of(request), ct);
        if (found is null)
            return (null, TikTokErrors.Api(StatusCodes.Status401Unauthorized, "access_token_invalid", "The access token is invalid or not found in the request."));
        var grant = found.Read<TikTokGrant>();
        var needed = scope is null ? ["video.upload", "video.publish"] : new[] { scope };
        return needed.Any(grant.HasScope) ? (grant, null)
            : (null, TikTokErrors.Api(StatusCodes.Status401Unauthorized, "scope_not_authorized", $"The user did not authorize the scope required: {needed[0]}."));
    }

    private static void Progress(HttpResponse response, TikTokSandboxPublish publish) =>
        response.Headers.ContentRange = $"bytes 0-{Math.Max(publish.Received - 1, 0)}/{publish.Plan!.VideoSize}";

    private static (long First, long Last, long Total)? ContentRange(string header)
    {
        var match = System.Text.RegularExpressions.Regex.Match(header, @"^bytes (\d+)-(\d+)/(\d+)$");
        return match.Success
            ? (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Reads the chunk through, counting; keeps the first 16 bytes of the file's first chunk.</summary>
    private static async Task<(long Read, byte[] Head)> CountAsync(Stream body, long limit, bool keepHead, CancellationToken ct, Action<long>? counted = null)
    {
        var buffer = new byte[81_920];
        var head = new List<byte>();
        long read = 0;
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (keepHead && head.Count < 16) head.AddRange(buffer.Take(Math.Min(n, 16 - head.Count)));
            read += n;
            counted?.Invoke(read);
            if (read > limit) break;
        }
        return (read, [.. head]);
    }

    /// <summary>An ISO base media file (MP4, MOV: a box whose type at offset 4 is ftyp, moov, wide, mdat or free) or EBML (WebM).</summary>
    private static bool IsVideo(byte[] head) =>
        head.Length >= 8 && System.Text.Encoding.ASCII.GetString(head, 4, 4) is "ftyp" or "moov" or "wide" or "mdat" or "free"
        || head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3;

    private static IResult Invalid(string message) => TikTokErrors.Api(StatusCodes.Status400BadRequest, "invalid_param", message);

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long? Number(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;
}
