using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Inventory;
using Marketplaces.TikTok.Uploads;
using Marketplaces.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Uploads;

/// <summary>An upload from the stored file to TikTok's emulator, by the app's own background job.</summary>
public sealed class VideoUploadTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    private const long MB = TikTokChunkPlan.MB;

    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private VideoUploads Uploads => app.Services.GetRequiredService<VideoUploads>();

    /// <summary>An MP4's first box (ftyp) followed by filler: enough for TikTok's format check.</summary>
    public static byte[] Mp4(long size)
    {
        var bytes = new byte[size];
        new Random(3).NextBytes(bytes);
        "\0\0\0\u0018ftypmp42"u8.ToArray().CopyTo(bytes, 0);
        return bytes;
    }

    private async Task<VideoUpload> SentAsync(string account, string fileName, byte[] content, VideoUploadMode mode, string? privacy,
        VideoUploadSource source = VideoUploadSource.FileUpload)
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", account);
        var (upload, problem) = await Uploads.CreateAsync(
            new VideoUploadRequest(connection, fileName, content.Length, mode, "Spring collection #sale", privacy, false, false, true, false, true, source), TestUsers.OwnerEmail);
        Assert.Null(problem);
        Assert.Null(await Uploads.ReceiveAsync(upload!.Id, new MemoryStream(content), null));
        await InventoryFixture.Until(async () => (await Uploads.ListAsync()).Single(u => u.Id == upload.Id).FinishedAt is not null, "finished", 60);
        return (await Uploads.ListAsync()).Single(u => u.Id == upload.Id);
    }

    [Fact]
    public async Task A_direct_post_is_stored_sent_in_chunks_and_followed_to_posted()
    {
        var video = Mp4(23 * MB + 17);

        var upload = await SentAsync("uploader-direct", "spring.mp4", video, VideoUploadMode.DirectPost, "PUBLIC_TO_EVERYONE");

        Assert.Equal((VideoUploadState.Published, "Posted on TikTok"), (upload.State, upload.Message));
        Assert.Equal((video.Length, video.Length), (upload.ReceivedBytes, upload.SentBytes));
        Assert.Equal($"https://www.tiktok.com/@uploader-direct/video/{Assert.Single(upload.PostIds)}", upload.PostUrl(upload.PostIds[0]));
        Assert.StartsWith("v_pub_file~", upload.PublishId);
        Assert.Equal(video, await File.ReadAllBytesAsync(Uploads.PathOf(upload)));

        Assert.Null(await Uploads.DeleteFileAsync(upload.Id));
        Assert.False(File.Exists(Path.Combine(Uploads.Folder, upload.StoredFile!)));
        Assert.Null((await Uploads.ListAsync()).Single(u => u.Id == upload.Id).StoredFile);
    }

    [Fact]
    public async Task A_video_tiktok_fetches_from_the_apps_expiring_address_is_posted_and_the_address_opens_only_that_file()
    {
        var video = Mp4(7 * MB + 5);

        var upload = await SentAsync("uploader-pull", "pulled.mp4", video, VideoUploadMode.DirectPost, "PUBLIC_TO_EVERYONE", VideoUploadSource.PullFromUrl);

        Assert.Equal((VideoUploadState.Published, "Posted on TikTok"), (upload.State, upload.Message));
        Assert.StartsWith("v_pub_url~", upload.PublishId);
        Assert.Equal(video.Length, upload.SentBytes);
        var publish = Emulator.Publishes("uploader-pull").Single();
        Assert.Equal(video.Length, publish.Received);
        var pulls = app.Services.GetRequiredService<VideoPullUrls>();
        Assert.StartsWith(pulls.Prefix, publish.PullUrl);
        using var anonymous = new HttpClient();
        Assert.Equal(video, await anonymous.GetByteArrayAsync(publish.PullUrl));
        using var range = new HttpRequestMessage(HttpMethod.Get, publish.PullUrl) { Headers = { Range = new(0, 7) } };
        Assert.Equal(video[..8], await (await anonymous.SendAsync(range)).Content.ReadAsByteArrayAsync());
        var token = publish.PullUrl!.Split('/')[^2];
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(publish.PullUrl.Replace(token, token[..^2] + "AA"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"{pulls.Prefix}{Guid.NewGuid():N}/{upload.Id:N}.mp4")).StatusCode);
    }

    private Marketplaces.TikTok.Sandbox.TikTokEmulator Emulator =>
        app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.TikTok.Sandbox.TikTokEmulator>().Single();

    [Fact]
    public async Task A_draft_ends_in_the_creators_inbox()
    {
        var upload = await SentAsync("uploader-inbox", "draft.mov", Mp4(2 * MB), VideoUploadMode.Inbox, null);

        Assert.Equal(VideoUploadState.SentToInbox, upload.State);
        Assert.Contains("open TikTok's notification", upload.Message);
    }

    [Fact]
    public async Task A_file_that_is_no_video_fails_in_words_and_can_be_sent_again()
    {
        var upload = await SentAsync("uploader-bad", "notes.mp4", new byte[3 * MB], VideoUploadMode.DirectPost, "SELF_ONLY");

        Assert.Equal((VideoUploadState.Failed, "file_format_check_failed"), (upload.State, upload.FailReason));
        Assert.Contains("export it as MP4", upload.Message);
        Assert.Null(await Uploads.RetryAsync(upload.Id));
        Assert.Equal("Only a failed upload can be sent again.", await Uploads.RetryAsync(upload.Id));
    }

    [Fact]
    public async Task A_file_that_does_not_arrive_whole_is_not_kept_and_nothing_goes_to_tiktok()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-cut");
        var (upload, _) = await Uploads.CreateAsync(new VideoUploadRequest(connection, "cut.mp4", 10 * MB, VideoUploadMode.Inbox, "", null, false, false, false, false, false),
            TestUsers.OwnerEmail);

        var problem = await Uploads.ReceiveAsync(upload!.Id, new MemoryStream(Mp4(5 * MB)), null);

        Assert.Contains("did not arrive whole", problem);
        var stored = (await Uploads.ListAsync()).Single(u => u.Id == upload.Id);
        Assert.Equal((VideoUploadState.Failed, (string?)null, (string?)null), (stored.State, stored.StoredFile, stored.PublishId));
        Assert.Empty(Directory.Exists(Uploads.Folder) ? Directory.GetFiles(Uploads.Folder, $"{upload.Id:N}*") : []);
    }

    [Theory]
    [InlineData("clip.avi", 1000, "DirectPost", "SELF_ONLY", 0, "TikTok takes MP4, MOV or WebM videos.")]
    [InlineData("clip.mp4", 4L * 1024 * 1024 * 1024 + 1, "DirectPost", "SELF_ONLY", 0, "TikTok takes videos of 4 GB at most.")]
    [InlineData("clip.mp4", 1000, "DirectPost", "SELF_ONLY", 2201, "The caption is 2201 characters; TikTok takes 2200.")]
    [InlineData("clip.webm", 1000, "DirectPost", null, 0, "Choose who can see the post.")]
    [InlineData("clip.webm", 1000, "Inbox", null, 0, null)]
    public void The_form_is_checked_before_anything_is_stored_or_sent(string file, long size, string mode, string? privacy, int captionLength, string? problem) =>
        Assert.Equal(problem, new VideoUploadRequest(Guid.NewGuid(), file, size, Enum.Parse<VideoUploadMode>(mode), new string('a', captionLength), privacy,
            false, false, false, false, false).Problem());
}

public sealed class VideoLengthTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_video_longer_than_the_creator_may_post_fails_before_anything_goes_to_tiktok()
    {
        var uploads = app.Services.GetRequiredService<VideoUploads>();
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-long");
        var movie = Mp4DurationTests.Movie(700, mediaBytes: 6 * 1024 * 1024);
        var (upload, _) = await uploads.CreateAsync(new VideoUploadRequest(connection, "long.mp4", movie.Length, VideoUploadMode.DirectPost, "", "SELF_ONLY",
            false, false, false, false, false), TestUsers.OwnerEmail);

        Assert.Null(await uploads.ReceiveAsync(upload!.Id, new MemoryStream(movie), null));

        await InventoryFixture.Until(async () => (await uploads.ListAsync()).Single(u => u.Id == upload.Id).FinishedAt is not null, "finished", 60);
        var failed = (await uploads.ListAsync()).Single(u => u.Id == upload.Id);
        Assert.Equal(VideoUploadState.Failed, failed.State);
        Assert.Equal("The video is 700 seconds long; this creator may post 600 seconds at most. Shorten it and upload it again.", failed.Message);
        Assert.Null(failed.PublishId);
        Assert.Empty(app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.TikTok.Sandbox.TikTokEmulator>().Single().Publishes("uploader-long"));
    }
}

public sealed class TikTokCapsTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sixth_draft_in_24_hours_is_refused_here_in_words_before_tiktok_is_called()
    {
        var uploads = app.Services.GetRequiredService<VideoUploads>();
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-drafts");
        var video = VideoUploadTests.Mp4(1024 * 1024);
        async Task<Guid> SendAsync(int i)
        {
            var (upload, _) = await uploads.CreateAsync(new VideoUploadRequest(connection, $"draft{i}.mp4", video.Length, VideoUploadMode.Inbox, "", null,
                false, false, false, false, false), TestUsers.OwnerEmail);
            Assert.Null(await uploads.ReceiveAsync(upload!.Id, new MemoryStream(video), null));
            return upload.Id;
        }
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await SendAsync(i));
        // The five are at TikTok (initialised) before the sixth is sent.
        await InventoryFixture.Until(async () => (await uploads.ListAsync()).Count(u => ids.Contains(u.Id) && u.PublishId != null) == 5, "sent", 60);
        ids.Add(await SendAsync(5));
        await InventoryFixture.Until(async () => (await uploads.ListAsync()).Where(u => ids.Contains(u.Id)).All(u => u.FinishedAt is not null), "finished", 60);

        var all = await uploads.ListAsync();
        Assert.All(ids.Take(5), id => Assert.Equal(VideoUploadState.SentToInbox, all.Single(u => u.Id == id).State));
        var sixth = all.Single(u => u.Id == ids[5]);
        Assert.Equal(VideoUploadState.Failed, sixth.State);
        Assert.StartsWith("This creator already has 5 drafts sent to the TikTok inbox in the last 24 hours; the next can go at ", sixth.Message);
        Assert.Equal(5, app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.TikTok.Sandbox.TikTokEmulator>().Single()
            .Publishes("uploader-drafts").Count);
        var stored = (await app.Services.GetRequiredService<Marketplaces.Connections.ConnectionStore>().FindAsync(connection))!;
        Assert.Equal(0, (await app.Services.GetRequiredService<TikTokPostingAllowance>().ForAsync(stored, audited: true)).DraftsLeft);
    }

    [Theory]
    [InlineData("spam_risk_too_many_pending_share", "5 drafts waiting")]
    [InlineData("spam_risk_too_many_posts", "try again tomorrow")]
    [InlineData("unaudited_client_can_only_post_to_private_accounts", "private accounts")]
    public void Tiktoks_cap_refusals_are_said_in_words(string code, string words) => Assert.Contains(words, TikTokPostingRefusals.Words(code));
}

/// <summary>An app TikTok has not audited (its "audited" setting off), whose sandbox twin is audited: the app holds itself back.</summary>
public sealed class UnauditedAppFixture : ServerAppFactory
{
    public UnauditedAppFixture() => With("Marketplaces:tiktok:BuiltInSandbox:audited", "false");
}

public sealed class UnauditedTikTokAppTests(UnauditedAppFixture app) : IClassFixture<UnauditedAppFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private VideoUploads Uploads => app.Services.GetRequiredService<VideoUploads>();

    private IReadOnlyList<Marketplaces.TikTok.Sandbox.Posting.TikTokSandboxPublish> AtTikTok(string account) =>
        app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.TikTok.Sandbox.TikTokEmulator>().Single().Publishes(account);

    private async Task<VideoUpload> PostAsync(Guid connection, string privacy)
    {
        var video = VideoUploadTests.Mp4(1024 * 1024);
        var (upload, _) = await Uploads.CreateAsync(new VideoUploadRequest(connection, "clip.mp4", video.Length, VideoUploadMode.DirectPost, "", privacy,
            false, false, false, false, false), TestUsers.OwnerEmail);
        Assert.Null(await Uploads.ReceiveAsync(upload!.Id, new MemoryStream(video), null));
        await InventoryFixture.Until(async () => (await Uploads.FindAsync(upload.Id))!.FinishedAt is not null, "finished", 60);
        return (await Uploads.FindAsync(upload.Id))!;
    }

    [Fact]
    public async Task A_public_post_is_refused_in_words_before_tiktok_is_called_and_a_private_one_goes()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "unaudited-public");

        var refused = await PostAsync(connection, "PUBLIC_TO_EVERYONE");

        Assert.Equal(VideoUploadState.Failed, refused.State);
        Assert.StartsWith("Until TikTok audits this app, its posts can only be private", refused.Message);
        Assert.Empty(AtTikTok("unaudited-public"));
        Assert.Equal(VideoUploadState.Published, (await PostAsync(connection, "SELF_ONLY")).State);
    }

    [Fact]
    public async Task Five_creators_post_in_a_day_a_sixth_is_refused_before_tiktok_and_the_five_go_on_posting()
    {
        var creators = new List<Guid>();
        for (var i = 0; i < 6; i++) creators.Add(await SandboxAccounts.ConnectAsync(app, "tiktok", $"unaudited-creator-{i}"));
        // Other tests of this class post too: the five places are counted over the whole app.
        var already = (await Uploads.ListAsync()).Where(u => u.PublishId != null).Select(u => u.ConnectionId).Distinct().Count();
        for (var i = 0; i < UnauditedCreators.Max - already; i++) Assert.Equal(VideoUploadState.Published, (await PostAsync(creators[i], "SELF_ONLY")).State);

        var sixth = await PostAsync(creators[5], "SELF_ONLY");

        Assert.Equal(VideoUploadState.Failed, sixth.State);
        Assert.StartsWith("Until TikTok audits this app, at most 5 creators can post through it in 24 hours, and 5 have; this creator can from ", sixth.Message);
        Assert.Empty(AtTikTok("unaudited-creator-5"));
        var store = app.Services.GetRequiredService<Marketplaces.Connections.ConnectionStore>();
        var allowance = await app.Services.GetRequiredService<TikTokPostingAllowance>().ForAsync((await store.FindAsync(creators[5]))!, audited: false);
        Assert.Equal((5, false, false), (allowance.Creators!.Posted, allowance.Creators.Counted, allowance.Creators.MayPost));
        Assert.Equal(VideoUploadState.Published, (await PostAsync(creators[0], "SELF_ONLY")).State);
    }
}

/// <summary>The page's streaming PUT: only the creator of an upload still receiving may send its bytes.</summary>
public sealed class UploadEndpointTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private static HttpRequestMessage Put(Guid id, byte[] body) =>
        new(HttpMethod.Put, $"/uploads/{id}/file") { Content = new ByteArrayContent(body) };

    [Fact]
    public async Task The_owner_sends_the_file_once_and_nobody_else_can()
    {
        using var owner = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var uploads = app.Services.GetRequiredService<VideoUploads>();
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-endpoint");
        var video = VideoUploadTests.Mp4(2 * 1024 * 1024);
        VideoUploadRequest Request(string name) => new(connection, name, video.Length, VideoUploadMode.Inbox, "", null, false, false, false, false, false);
        var (mine, _) = await uploads.CreateAsync(Request("mine.mp4"), TestUsers.OwnerEmail);
        var (theirs, _) = await uploads.CreateAsync(Request("theirs.mp4"), "staff@example.com");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };

        Assert.NotEqual(System.Net.HttpStatusCode.NoContent, (await anonymous.SendAsync(Put(mine!.Id, video))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await owner.SendAsync(Put(theirs!.Id, video))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await owner.SendAsync(Put(mine.Id, video))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await owner.SendAsync(Put(mine.Id, video))).StatusCode);

        var stored = await uploads.FindAsync(mine.Id);
        Assert.Equal(video, await File.ReadAllBytesAsync(uploads.PathOf(stored!)));
        Assert.Equal(VideoUploadState.Receiving, (await uploads.FindAsync(theirs.Id))!.State);
    }
}
