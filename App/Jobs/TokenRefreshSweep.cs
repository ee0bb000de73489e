using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Jobs;

/// <summary>
/// Finds the connections whose access token enters its refresh margin and renews each through the refresh service,
/// in batches within a time budget; one failing connection never stops the others. Failed refreshes wait an
/// exponentially growing, jittered delay; a connection that needs reconnecting is left alone.
/// </summary>
public sealed partial class TokenRefreshSweep(
    IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, TokenRefresher refresher, TimeProvider clock,
    ILogger<TokenRefreshSweep> logger)
{
    public const string Actor = "scheduler";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    public sealed record SweepResult(int Due, int Refreshed, int Failed);

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var due = await DueAsync(started, ct);
        int refreshed = 0, failed = 0;
        foreach (var id in due)
        {
            if (clock.GetUtcNow() - started > Budget || ct.IsCancellationRequested) break;
            try
            {
                var outcome = await refresher.RefreshAsync(id, Actor, ct);
                if (outcome.Result is RefreshResult.Refreshed or RefreshResult.AlreadyRefreshed) refreshed++;
                else failed++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                LogFailure(logger, id, e.Message);
            }
        }
        return new SweepResult(due.Count, refreshed, failed);
    }

    private async Task<List<Guid>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var horizon = now + catalog.All.Max(m => m.Lifetimes.RefreshMargin);
        var candidates = await db.Set<Connection>().AsNoTracking()
            .Where(c => c.State == ConnectionState.Connected && c.AccessTokenExpiresAt != null && c.AccessTokenExpiresAt < horizon)
            .Where(c => db.Set<ConnectionSecret>().Any(s => s.ConnectionId == c.Id && s.Kind == TokenVault.RefreshToken))
            .OrderBy(c => c.AccessTokenExpiresAt)
            .Take(500)
            .Select(c => new { c.Id, c.Marketplace, c.AccessTokenExpiresAt, c.LastRefreshFailedAt, c.RefreshAttempts })
            .ToListAsync(ct);
        return candidates
            .Where(c => catalog.TryGet(c.Marketplace, out var m) && c.AccessTokenExpiresAt < now + m.Lifetimes.RefreshMargin)
            .Where(c => c.LastRefreshFailedAt is not { } failedAt
                        || failedAt + RefreshBackoff.After(c.RefreshAttempts, Jitter(c.Id)) <= now)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>Stable per connection, so retries of many connections spread out instead of arriving together.</summary>
    private static double Jitter(Guid id) => (id.GetHashCode() & 0xFFFF) / 65535.0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing connection {ConnectionId} failed: {Message}")]
    private static partial void LogFailure(ILogger logger, Guid connectionId, string message);
}
