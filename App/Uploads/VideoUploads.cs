using Hangfire;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Uploads;

/// <summary>
/// Videos on their way to TikTok: created from the form, the browser's file streamed to <c>Data/media/uploads</c> (never
/// held whole in memory; a file that does not arrive whole is deleted and the upload marked failed), then sent by a
/// background job (<see cref="SendVideoJob"/>), retried on request, its file deleted on request.
/// </summary>
public sealed class VideoUploads(
    IDbContextFactory<AppDbContext> contexts, AppPaths paths, IBackgroundJobClient jobs, IDataProtectionProvider protection, TimeProvider clock,
    Notifier<VideoUpload> changes)
{
    private readonly IDataProtector _urls = protection.CreateProtector("Marketplaces.TikTokUploadUrls");

    public string Folder => Path.Combine(paths.Media, "uploads");

    public string PathOf(VideoUpload upload) => Path.Combine(Folder, upload.StoredFile!);

    public string ProtectUrl(string url) => _urls.Protect(url);

    public string UnprotectUrl(string ciphertext) => _urls.Unprotect(ciphertext);

    public async Task<(VideoUpload? Upload, string? Problem)> CreateAsync(VideoUploadRequest request, string actor, CancellationToken ct = default)
    {
        if (request.Problem() is { } problem) return (null, problem);
        var upload = new VideoUpload
        {
            Id = Guid.NewGuid(), ConnectionId = request.ConnectionId, FileName = Path.GetFileName(request.FileName), ContentType = request.ContentType!,
            Size = request.Size, Mode = request.Mode, Source = request.Source, Caption = request.Caption, PrivacyLevel = request.Mode == VideoUploadMode.DirectPost ? request.PrivacyLevel : null,
            DisableComment = request.DisableComment, DisableDuet = request.DisableDuet, DisableStitch = request.DisableStitch,
            BrandContent = request.BrandContent, BrandOrganic = request.BrandOrganic, State = VideoUploadState.Receiving,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        changes.Changed();
        return (upload, null);
    }

    /// <summary>Streams the browser's file to disk, then queues the upload to TikTok. Why it failed, if it did.</summary>
    public async Task<string?> ReceiveAsync(Guid uploadId, Stream source, IProgress<long>? received, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var upload = await db.Set<VideoUpload>().SingleAsync(u => u.Id == uploadId, ct);
        Directory.CreateDirectory(Folder);
        var name = $"{upload.Id:N}{Path.GetExtension(upload.FileName).ToLowerInvariant()}";
        var partial = Path.Combine(Folder, name + ".part");
        long total = 0;
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > upload.Size) throw new IOException("the file is larger than announced");
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    received?.Report(total);
                }
            }
            if (total != upload.Size) throw new IOException($"{total:N0} of {upload.Size:N0} bytes arrived");
            File.Move(partial, Path.Combine(Folder, name), overwrite: true);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            File.Delete(partial);
            upload.State = VideoUploadState.Failed;
            upload.Message = $"The file did not arrive whole ({(e is OperationCanceledException ? "the page was left" : e.Message)}); nothing was sent to TikTok.";
            await db.SaveChangesAsync(CancellationToken.None);
            changes.Changed();
            return upload.Message;
        }
        upload.StoredFile = name;
        upload.ReceivedBytes = total;
        await QueueAsync(db, upload, ct);
        return null;
    }

    /// <summary>Sends a failed upload again (its file kept); what stops it, if anything.</summary>
    public async Task<string?> RetryAsync(Guid uploadId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var upload = await db.Set<VideoUpload>().SingleOrDefaultAsync(u => u.Id == uploadId, ct);
        if (upload is not { State: VideoUploadState.Failed }) return "Only a failed upload can be sent again.";
        if (upload.StoredFile is null || !File.Exists(PathOf(upload))) return "Its file was deleted: upload the video again.";
        (upload.FailReason, upload.TikTokStatus, upload.UploadedAt, upload.FinishedAt) = (null, null, null, null);
        (upload.PublishId, upload.UploadUrlCiphertext, upload.UploadUrlExpiresAt, upload.SentBytes) = (null, null, null, 0);
        await QueueAsync(db, upload, ct);
        return null;
    }

    /// <summary>Saves the upload as waiting for the sending job and starts that job.</summary>
    private async Task QueueAsync(AppDbContext db, VideoUpload upload, CancellationToken ct)
    {
        (upload.State, upload.Message) = (VideoUploadState.Queued, "Waiting for its turn");
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<SendVideoJob>(j => j.RunAsync(upload.Id, CancellationToken.None));
        changes.Changed();
    }

    /// <summary>Deletes the stored file (the upload stays in the history); what stops it, if anything.</summary>
    public async Task<string?> DeleteFileAsync(Guid uploadId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var upload = await db.Set<VideoUpload>().SingleOrDefaultAsync(u => u.Id == uploadId, ct);
        if (upload?.StoredFile is null) return "There is no file to delete.";
        if (upload.State is VideoUploadState.Queued or VideoUploadState.Sending) return "The file is being sent to TikTok: wait until it is there.";
        File.Delete(PathOf(upload));
        upload.StoredFile = null;
        await db.SaveChangesAsync(ct);
        changes.Changed();
        return null;
    }

    public async Task<VideoUpload?> FindAsync(Guid uploadId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<VideoUpload>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId, ct);
    }

    public async Task<IReadOnlyList<VideoUpload>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<VideoUpload>().AsNoTracking().OrderByDescending(u => u.CreatedAt).Take(100).ToListAsync(ct);
    }
}
