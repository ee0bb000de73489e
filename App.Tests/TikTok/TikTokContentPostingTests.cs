using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.TikTok.Sandbox;
using Marketplaces.TikTok.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.TikTok;

/// <summary>The Content Posting client against the emulator over HTTP: creator info, init, chunked upload, status.</summary>
public sealed class TikTokContentPostingTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    private const long MB = TikTokChunkPlan.MB;

    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TikTokEmulator Emulator => app.Services.GetServices<ISandboxEmulator>().OfType<TikTokEmulator>().Single();

    private async Task<ConnectionApi> ApiAsync(string account)
    {
        var id = await SandboxAccounts.ConnectAsync(app, "tiktok", account);
        var connection = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(id))!;
        return await app.Services.GetRequiredService<ConnectionApis>().OpenAsync(connection, "test", CancellationToken.None);
    }

    private static byte[] Mp4(long size) => Uploads.VideoUploadTests.Mp4(size);

    private static async Task<TikTokPublishStatus> FinishedAsync(ConnectionApi api, string publishId)
    {
        for (var i = 0; i < 50; i++)
        {
            var status = await TikTokContentPosting.StatusAsync(api, publishId, CancellationToken.None);
            if (status.Finished) return status;
            await Task.Delay(200);
        }
        throw new TimeoutException("not finished");
    }

    [Fact]
    public async Task A_direct_post_goes_up_in_its_planned_chunks_with_progress_and_completes_with_a_post_id()
    {
        var api = await ApiAsync("poster-direct");
        var creator = await TikTokContentPosting.CreatorInfoAsync(api, CancellationToken.None);
        Assert.Equal(["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], creator.PrivacyLevelOptions);
        Assert.True(creator.StitchDisabled);
        var video = Mp4(12 * MB + 345);
        var plan = TikTokChunkPlan.For(video.Length, 5 * MB);
        var (publishId, uploadUrl) = await TikTokContentPosting.InitAsync(api,
            new TikTokPostInfo("My video #sandbox", "PUBLIC_TO_EVERYONE", false, false, true, false, false), new TikTokVideoSource.FileUpload(plan), CancellationToken.None);
        var progress = new List<long>();

        await TikTokContentPosting.UploadAsync(api, uploadUrl!, plan, () => new MemoryStream(video), "video/mp4", new SyncProgress(progress), CancellationToken.None);

        Assert.Equal([5 * MB, video.Length], progress);
        var status = await FinishedAsync(api, publishId);
        Assert.Equal("PUBLISH_COMPLETE", status.Status);
        Assert.Equal(video.Length, status.ReceivedBytes);
        Assert.Single(status.PostIds);
    }

    [Fact]
    public async Task An_inbox_draft_that_is_no_video_fails_the_format_check()
    {
        var api = await ApiAsync("poster-inbox");
        var plan = TikTokChunkPlan.For(1 * MB);
        var (publishId, uploadUrl) = await TikTokContentPosting.InitAsync(api, null, new TikTokVideoSource.FileUpload(plan), CancellationToken.None);

        await TikTokContentPosting.UploadAsync(api, uploadUrl!, plan, () => new MemoryStream(new byte[MB]), "video/mp4", null, CancellationToken.None);

        Assert.Equal(("FAILED", "file_format_check_failed"), (await FinishedAsync(api, publishId)) is var s ? (s.Status, s.FailReason) : default);
        Assert.StartsWith("v_inbox_file~", publishId);
    }

    [Fact]
    public async Task After_a_chunk_whose_answer_was_lost_the_upload_goes_on_from_where_tiktok_stands()
    {
        var api = await ApiAsync("poster-resume");
        var video = Mp4(11 * MB);
        var plan = TikTokChunkPlan.For(video.Length, 5 * MB);
        var (publishId, uploadUrl) = await TikTokContentPosting.InitAsync(api,
            new TikTokPostInfo("", "SELF_ONLY", false, false, false, false, false), new TikTokVideoSource.FileUpload(plan), CancellationToken.None);
        // The first chunk reached TikTok but its answer did not reach the app: the app starts over at chunk 1.
        using (var http = new HttpClient())
            Assert.Equal(HttpStatusCode.PartialContent, (await http.SendAsync(Put(uploadUrl!, video, plan.Chunks().First(), plan.VideoSize))).StatusCode);

        await TikTokContentPosting.UploadAsync(api, uploadUrl!, plan, () => new MemoryStream(video), "video/mp4", null, CancellationToken.None);

        Assert.Equal("PUBLISH_COMPLETE", (await FinishedAsync(api, publishId)).Status);
        Assert.Equal(video.Length, Emulator.Publishes("poster-resume").Single().Received);
    }

    [Fact]
    public async Task The_emulator_refuses_a_wrong_count_a_wrong_range_and_chunks_out_of_order()
    {
        var api = await ApiAsync("poster-strict");
        var wrong = new TikTokChunkPlan(50_000_123, 10_000_000, 6);
        var refused = await Assert.ThrowsAsync<MarketplaceException>(() =>
            TikTokContentPosting.InitAsync(api, new TikTokPostInfo("", "SELF_ONLY", false, false, false, false, false), new TikTokVideoSource.FileUpload(wrong), CancellationToken.None));
        Assert.Contains("invalid_param", refused.Message);
        Assert.Contains("floor(video_size / chunk_size) = 5", refused.Message);
        var mismatch = await Assert.ThrowsAsync<MarketplaceException>(() =>
            TikTokContentPosting.InitAsync(api, new TikTokPostInfo("", "FOLLOWER_OF_CREATOR", false, false, false, false, false), new TikTokVideoSource.FileUpload(TikTokChunkPlan.For(MB)), CancellationToken.None));
        Assert.Contains("privacy_level_option_mismatch", mismatch.Message);

        var video = Mp4(15 * MB);
        var plan = TikTokChunkPlan.For(video.Length, 5 * MB);
        var (_, uploadUrl) = await TikTokContentPosting.InitAsync(api, new TikTokPostInfo("", "SELF_ONLY", false, false, false, false, false), new TikTokVideoSource.FileUpload(plan), CancellationToken.None);
        using var http = new HttpClient();
        var chunks = plan.Chunks().ToList();
        var outOfOrder = await http.SendAsync(Put(uploadUrl!, video, chunks[1], plan.VideoSize));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, outOfOrder.StatusCode);
        Assert.Equal("bytes 0-0/15728640", outOfOrder.Content.Headers.ContentRange?.ToString());
        var badTotal = await http.SendAsync(Put(uploadUrl!, video, chunks[0], plan.VideoSize + 1));
        Assert.Equal(HttpStatusCode.BadRequest, badTotal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Put(uploadUrl!.Replace("upload_token=", "upload_token=x"), video, chunks[0], plan.VideoSize))).StatusCode);
    }

    [Fact]
    public async Task A_pull_from_an_address_outside_the_verified_prefix_is_refused_and_one_the_app_does_not_serve_fails_to_download()
    {
        var api = await ApiAsync("poster-pull");
        var post = new TikTokPostInfo("", "SELF_ONLY", false, false, false, false, false);
        var verified = api.Target.Credentials["verifiedUrlPrefix"];

        var elsewhere = await Assert.ThrowsAsync<MarketplaceException>(() =>
            TikTokContentPosting.InitAsync(api, post, new TikTokVideoSource.PullFromUrl("https://videos.example.com/a.mp4"), CancellationToken.None));
        Assert.Contains("url_ownership_unverified", elsewhere.Message);
        var plainHttp = await Assert.ThrowsAsync<MarketplaceException>(() =>
            TikTokContentPosting.InitAsync(api, post, new TikTokVideoSource.PullFromUrl("http://videos.example.com/a.mp4"), CancellationToken.None));
        Assert.Contains("https", plainHttp.Message);

        // Under the verified prefix, but no file of the app's: TikTok's download gets a 404.
        var (publishId, uploadUrl) = await TikTokContentPosting.InitAsync(api, post, new TikTokVideoSource.PullFromUrl($"{verified}x/y.mp4"), CancellationToken.None);

        Assert.Null(uploadUrl);
        Assert.StartsWith("v_pub_url~", publishId);
        Assert.Equal(("FAILED", "video_pull_failed"), (await FinishedAsync(api, publishId)) is var s ? (s.Status, s.FailReason) : default);
    }

    private static HttpRequestMessage Put(string url, byte[] video, TikTokChunk chunk, long total)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(video, (int)chunk.First, (int)chunk.Length) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        request.Content.Headers.ContentRange = ContentRangeHeaderValue.Parse($"bytes {chunk.First}-{chunk.Last}/{total}");
        return request;
    }

    /// <summary>Progress reported on the caller's thread (Progress&lt;T&gt; posts to the pool, out of order).</summary>
    private sealed class SyncProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}

public sealed class TikTokPostingCapsEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_emulator_refuses_a_sixth_inbox_share_in_24_hours_as_tiktok_does()
    {
        var id = await SandboxAccounts.ConnectAsync(app, "tiktok", "poster-caps");
        var connection = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(id))!;
        var api = await app.Services.GetRequiredService<ConnectionApis>().OpenAsync(connection, "test", CancellationToken.None);
        for (var i = 0; i < 5; i++) await TikTokContentPosting.InitAsync(api, null, new TikTokVideoSource.FileUpload(TikTokChunkPlan.For(1024)), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<MarketplaceException>(() => TikTokContentPosting.InitAsync(api, null, new TikTokVideoSource.FileUpload(TikTokChunkPlan.For(1024)), CancellationToken.None));

        Assert.Equal(("spam_risk_too_many_pending_share", 403), (refused.ErrorCode, refused.StatusCode));
    }

    [Fact]
    public async Task The_emulator_refuses_a_seventh_init_of_one_user_token_within_a_minute_as_tiktok_does()
    {
        var id = await SandboxAccounts.ConnectAsync(app, "tiktok", "poster-init-rate");
        var token = (await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(id))[TokenVault.AccessToken];
        using var http = new HttpClient { BaseAddress = app.ServerAddress };
        async Task<HttpResponseMessage> InitAsync()
        {
            // Straight to the emulator: the app's own limiter would hold the seventh back rather than send it.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/tiktok/open-api/v2/post/publish/inbox/video/init/")
            {
                Content = JsonContent.Create(new { source_info = new { source = "FILE_UPLOAD", video_size = 1024, chunk_size = 1024, total_chunk_count = 1 } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(request);
        }
        // Five pending inbox shares are TikTok's own cap; the sixth is refused by it, the seventh by the rate limit.
        for (var i = 0; i < 6; i++) (await InitAsync()).Dispose();

        using var refused = await InitAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("log_id").GetString()));
    }
}
