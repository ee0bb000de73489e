using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Marketplaces.TikTok.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Uploads;

/// <summary>
/// The job's work for one upload: init at TikTok (again when the upload URL's hour is nearly over), the chunks sent in
/// order from the stored file with the bytes TikTok holds saved after each (or, for a pull, TikTok given the file's address), then status fetched every few seconds
/// (within TikTok's 30 a minute) until published, sent to the inbox or failed. It re-reads the upload first, so a run
/// after a crash goes on: chunks TikTok has are not sent again (it says where it stands), a finished upload is only polled.
/// </summary>
public sealed partial class VideoSender(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, ConnectionApis apis, VideoUploads uploads, VideoPullUrls pulls, TikTokPostingAllowance allowance, TimeProvider clock,
    Notifier<VideoUpload> changes, ILogger<VideoSender> logger)
{
    public const string Actor = "uploads";
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(55);
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PollFor = TimeSpan.FromMinutes(30);

    public async Task<string> RunAsync(Guid uploadId, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("video-upload", uploadId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var upload = await db.Set<VideoUpload>().SingleOrDefaultAsync(u => u.Id == uploadId, ct);
        if (upload is null || upload.State is VideoUploadState.Published or VideoUploadState.SentToInbox or VideoUploadState.Failed or VideoUploadState.Receiving)
            return "nothing to do";
        try
        {
            var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == upload.ConnectionId, ct);
            if (connection.State != ConnectionState.Connected) throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, $"{connection.DisplayName} needs to be connected again.");
            var api = await apis.OpenAsync(connection, Actor, ct);
            if (upload.UploadedAt is null) await SendAsync(db, api, connection, upload, ct);
            await FollowAsync(db, api, upload, ct);
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException or IOException)
        {
            LogFailed(logger, uploadId, e.Message);
            upload.State = VideoUploadState.Failed;
            upload.Message = e is IOException ? $"The stored file could not be read: {e.Message}"
                : TikTokPostingRefusals.Words((e as MarketplaceException)?.ErrorCode) ?? e.Message;
            upload.FinishedAt = clock.GetUtcNow();
            await SaveAsync(db);
        }
        return upload.State.ToString();
    }

    private async Task SendAsync(AppDbContext db, ConnectionApi api, Connection connection, VideoUpload upload, CancellationToken ct)
    {
        if (upload.StoredFile is null) throw new IOException("it was deleted");
        if (upload.PublishId is null) await CheckAsync(api, connection, upload, ct);
        if (upload.Source == VideoUploadSource.PullFromUrl)
        {
            await AskToPullAsync(db, api, upload, ct);
            return;
        }
        var plan = TikTokChunkPlan.For(upload.Size);
        if (upload.PublishId is null || upload.UploadUrlExpiresAt <= clock.GetUtcNow())
        {
            var (publishId, url) = await TikTokContentPosting.InitAsync(api, PostOf(upload), new TikTokVideoSource.FileUpload(plan), ct);
            (upload.PublishId, upload.UploadUrlCiphertext, upload.UploadUrlExpiresAt, upload.SentBytes) = (publishId, uploads.ProtectUrl(url!), clock.GetUtcNow() + UrlLifetime, 0);
        }
        upload.State = VideoUploadState.Sending;
        upload.StartedAt ??= clock.GetUtcNow();
        upload.Message = $"Sending to TikTok in {plan.ChunkCount} {(plan.ChunkCount == 1 ? "piece" : "pieces")}";
        await SaveAsync(db);
        var sent = new Progress(async bytes =>
        {
            upload.SentBytes = bytes;
            await SaveAsync(db);
        });
        await TikTokContentPosting.UploadAsync(api, uploads.UnprotectUrl(upload.UploadUrlCiphertext!), plan, () => File.OpenRead(uploads.PathOf(upload)),
            upload.ContentType, sent, ct);
        await sent.DrainAsync();
        upload.UploadedAt = clock.GetUtcNow();
        upload.State = VideoUploadState.Processing;
        upload.Message = "TikTok is processing the video";
        await SaveAsync(db);
    }

    /// <summary>
    /// PULL_FROM_URL: TikTok is given this app's expiring address for the file and downloads it itself; the status then
    /// says how much it has. Once the init is answered the publish is TikTok's, so a run after a crash only follows it.
    /// </summary>
    private async Task AskToPullAsync(AppDbContext db, ConnectionApi api, VideoUpload upload, CancellationToken ct)
    {
        if (pulls.Problem(api.Target.Credentials, api.Target.Environment) is { } problem)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"{problem} Send the file from this app instead.");
        (upload.PublishId, _) = await TikTokContentPosting.InitAsync(api, PostOf(upload), new TikTokVideoSource.PullFromUrl(pulls.For(upload)), ct);
        upload.StartedAt ??= clock.GetUtcNow();
        upload.UploadedAt = clock.GetUtcNow();
        upload.State = VideoUploadState.Processing;
        upload.Message = "TikTok is fetching the video from this app";
        await SaveAsync(db);
    }

    /// <summary>
    /// What stops an upload before anything goes to TikTok: its length, the creator's inbox allowance for a draft, and
    /// for an app TikTok has not audited, a post that is not private or a creator beyond the app's five a day.
    /// </summary>
    private async Task CheckAsync(ConnectionApi api, Connection connection, VideoUpload upload, CancellationToken ct)
    {
        var audited = TikTokPostingAllowance.Audited(api.Target.Credentials);
        if (!audited && upload.Mode == VideoUploadMode.DirectPost && upload.PrivacyLevel != "SELF_ONLY")
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "Until TikTok audits this app, its posts can only be private (only the creator sees them): post it that way, or mark the app audited in Settings once it is.");
        // Asked afresh before each post, as TikTok's guidelines want: what the creator may post changes.
        var creator = await TikTokContentPosting.CreatorInfoAsync(api, ct);
        upload.CreatorUsername = creator.Username;
        CheckDuration(upload, creator.MaxVideoPostDurationSeconds);
        var left = await allowance.ForAsync(connection, audited, upload.Id, ct);
        if (upload.Mode == VideoUploadMode.Inbox && left is { DraftsLeft: 0 })
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"This creator already has {TikTokPostingAllowance.Drafts} drafts sent to the TikTok inbox in the last 24 hours; the next can go at {left.NextDraftAt:yyyy-MM-dd HH:mm} UTC.");
        if (left.Creators is { MayPost: false } creators)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"Until TikTok audits this app, at most {UnauditedCreators.Max} creators can post through it in 24 hours, and {creators.Posted} have; this creator can from {creators.NextAt:yyyy-MM-dd HH:mm} UTC.");
    }

    private static TikTokPostInfo? PostOf(VideoUpload upload) => upload.Mode == VideoUploadMode.DirectPost
        ? new TikTokPostInfo(upload.Caption, upload.PrivacyLevel!, upload.DisableComment, upload.DisableDuet, upload.DisableStitch, upload.BrandContent, upload.BrandOrganic)
        : null;

    /// <summary>
    /// The video's length against what the creator may post now (a fresh creator_info), before anything goes to TikTok.
    /// MP4 and MOV say their length in their movie header, WebM in its Info; a file that says none is left to TikTok,
    /// which fails it with duration_check_failed.
    /// </summary>
    private void CheckDuration(VideoUpload upload, int allowed)
    {
        TimeSpan? length;
        using (var file = File.OpenRead(uploads.PathOf(upload))) length = Mp4Duration.Read(file) ?? WebmDuration.Read(file);
        if (length is not { } seconds) return;
        if (seconds.TotalSeconds > allowed)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"The video is {seconds.TotalSeconds:0} seconds long; this creator may post {allowed} seconds at most. Shorten it and upload it again.");
    }

    private async Task FollowAsync(AppDbContext db, ConnectionApi api, VideoUpload upload, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + PollFor;
        // TikTok has just been given the last byte: a first look after a second, then every few seconds.
        await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        while (true)
        {
            // A TikTok webhook (TikTokPublishEvents) may have ended it meanwhile.
            await db.Entry(upload).ReloadAsync(ct);
            if (upload.FinishedAt is not null) return;
            var status = await TikTokContentPosting.StatusAsync(api, upload.PublishId!, ct);
            upload.TikTokStatus = status.Status;
            if (upload.Source == VideoUploadSource.PullFromUrl) upload.SentBytes = status.ReceivedBytes;
            if (status.Finished)
            {
                upload.State = status.Status switch
                {
                    "PUBLISH_COMPLETE" => VideoUploadState.Published,
                    "SEND_TO_USER_INBOX" => VideoUploadState.SentToInbox,
                    _ => VideoUploadState.Failed,
                };
                upload.FailReason = status.FailReason;
                upload.PostIds = [.. status.PostIds];
                upload.Message = upload.State switch
                {
                    VideoUploadState.Published => "Posted on TikTok",
                    VideoUploadState.SentToInbox => "In the creator's TikTok inbox: open TikTok's notification to finish the post",
                    _ => TikTokFailReasons.Words(status.FailReason),
                };
                upload.FinishedAt = clock.GetUtcNow();
                await SaveAsync(db);
                return;
            }
            await SaveAsync(db);
            if (clock.GetUtcNow() > until)
                throw new MarketplaceException(MarketplaceErrorKind.Transient, "TikTok was still processing the video after 30 minutes; send it again to check");
            await Task.Delay(PollEvery, clock, ct);
        }
    }

    private async Task SaveAsync(AppDbContext db)
    {
        await db.SaveChangesAsync(CancellationToken.None);
        changes.Changed();
    }

    /// <summary>Chunk progress saved in order, one save at a time, without holding the upload up.</summary>
    private sealed class Progress(Func<long, Task> save) : IProgress<long>
    {
        private Task _last = Task.CompletedTask;

        public void Report(long value) => _last = _last.ContinueWith(_ => save(value)).Unwrap();

        public Task DrainAsync() => _last;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {UploadId} to TikTok failed: {Message}")]
    private static partial void LogFailed(ILogger logger, Guid uploadId, string message);
}
