using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Uploads;

/// <summary>What a creator may still send in the last 24 hours, counted from this app's own uploads.</summary>
/// <param name="NextDraftAt">When a draft slot frees up, when none is left.</param>
public sealed record TikTokAllowance(int DraftsLeft, int PostsLeft, DateTimeOffset? NextDraftAt);

/// <summary>
/// TikTok's posting caps (tiktok.md §4.6), counted before calling TikTok: 5 inbox shares pending in any 24 hours (a hard
/// limit, so a sixth is refused here), and Direct Posts "typically around 15" a day per creator, shared with every other
/// app posting for them (so the form says "about", and TikTok's own refusal decides).
/// </summary>
public sealed class TikTokPostingAllowance(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int Drafts = 5;
    public const int PostsAbout = 15;

    public async Task<TikTokAllowance> ForAsync(Guid connectionId, Guid? except = null, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = await db.Set<VideoUpload>().AsNoTracking()
            .Where(u => u.ConnectionId == connectionId && u.PublishId != null && u.Id != except)
            .Select(u => new { u.Mode, u.StartedAt }).ToListAsync(ct);
        var drafts = sent.Where(u => u.Mode == VideoUploadMode.Inbox && u.StartedAt > since).Select(u => u.StartedAt!.Value).Order().ToList();
        var posts = sent.Count(u => u.Mode == VideoUploadMode.DirectPost && u.StartedAt > since);
        return new TikTokAllowance(Math.Max(0, Drafts - drafts.Count), Math.Max(0, PostsAbout - posts),
            drafts.Count >= Drafts ? drafts[drafts.Count - Drafts].AddDays(1) : null);
    }
}
