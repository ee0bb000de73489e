using Hangfire;

namespace Marketplaces.Uploads;

/// <summary>One video sent to TikTok and followed to its end. Not retried by Hangfire: a failure is shown, and "Send again" retries.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SendVideoJob(VideoSender sender)
{
    public Task<string> RunAsync(Guid uploadId, CancellationToken ct) => sender.RunAsync(uploadId, ct);
}
