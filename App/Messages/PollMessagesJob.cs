using Hangfire;

namespace Marketplaces.Messages;

/// <summary>Every five minutes: each connection's buyer messages read. Not retried: the next run reads what this one missed.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PollMessagesJob(MessageInbox inbox)
{
    public const string Id = "poll-messages";

    public Task<string> RunAsync(CancellationToken ct) => inbox.SyncAllAsync(ct);
}
