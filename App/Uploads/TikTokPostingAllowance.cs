using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Uploads;

/// <summary>What a creator may still send in the last 24 hours, counted from this app's own uploads.</summary>
/// <param name="NextDraftAt">When a draft slot frees up, when none is left.</param>
/// <param name="Creators">For an app TikTok has not audited: how many creators posted through it in 24 hours.</param>
public sealed record TikTokAllowance(int DraftsLeft, int PostsLeft, DateTimeOffset? NextDraftAt, UnauditedCreators? Creators = null);

/// <summary>An unaudited app's creators of the last 24 hours: whether this one is among them, and when a place frees up.</summary>
public sealed record UnauditedCreators(int Posted, bool Counted, DateTimeOffset? NextAt)
{
    public const int Max = 5;

    public int Left => Math.Max(0, Max - Posted);

    /// <summary>This creator may post: already one of the app's creators today, or a place is free.</summary>
    public bool MayPost => Counted || Posted < Max;
}

/// <summary>
/// TikTok's posting caps (tiktok.md §4.6), counted before calling TikTok: 5 inbox shares pending in any 24 hours (a hard
/// limit, so a sixth is refused here), and Direct Posts "typically around 15" a day per creator, shared with every other
/// app posting for them (so the form says "about", and TikTok's own refusal decides). An app TikTok has not audited (its
/// <c>audited</c> setting off) may have at most 5 creators posting through it in 24 hours: counted over every TikTok
/// connection of the same environment, drafts included (the sheet says "users may post"; a draft is posted content too).
/// </summary>
public sealed class TikTokPostingAllowance(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int Drafts = 5;
    public const int PostsAbout = 15;

    /// <summary>Whether the app a connection posts through has passed TikTok's audit.</summary>
    public static bool Audited(AppCredentials credentials) => credentials.Get("audited") == "true";

    public async Task<TikTokAllowance> ForAsync(Connection connection, bool audited, Guid? except = null, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = await db.Set<VideoUpload>().AsNoTracking()
            .Where(u => u.ConnectionId == connection.Id && u.PublishId != null && u.Id != except && u.StartedAt > since)
            .Select(u => new { u.Mode, StartedAt = u.StartedAt!.Value }).ToListAsync(ct);
        var drafts = sent.Where(u => u.Mode == VideoUploadMode.Inbox).Select(u => u.StartedAt).Order().ToList();
        var posts = sent.Count(u => u.Mode == VideoUploadMode.DirectPost);
        return new TikTokAllowance(Math.Max(0, Drafts - drafts.Count), Math.Max(0, PostsAbout - posts),
            drafts.Count >= Drafts ? drafts[drafts.Count - Drafts].AddDays(1) : null, audited ? null : await CreatorsAsync(db, connection, except, since, ct));
    }

    private static async Task<UnauditedCreators> CreatorsAsync(AppDbContext db, Connection connection, Guid? except, DateTimeOffset since, CancellationToken ct)
    {
        var lastPosts = await db.Set<VideoUpload>().AsNoTracking()
            .Where(u => u.PublishId != null && u.Id != except && u.StartedAt > since)
            .Join(db.Set<Connection>().Where(c => c.Marketplace == connection.Marketplace && c.Environment == connection.Environment),
                u => u.ConnectionId, c => c.Id, (u, c) => new { c.AccountId, StartedAt = u.StartedAt!.Value })
            .GroupBy(u => u.AccountId)
            .Select(g => new { Account = g.Key, Last = g.Max(u => u.StartedAt) })
            .ToDictionaryAsync(g => g.Account, g => g.Last, ct);
        // A place frees up when the creator whose last post is oldest has not posted for 24 hours.
        return new UnauditedCreators(lastPosts.Count, lastPosts.ContainsKey(connection.AccountId),
            lastPosts.Count >= UnauditedCreators.Max ? lastPosts.Values.Min().AddDays(1) : null);
    }
}
