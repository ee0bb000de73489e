using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Sandbox;

/// <summary>Issues, finds, consumes (single use, atomically) and revokes emulator grants.</summary>
public sealed class SandboxGrants(IDbContextFactory<AppDbContext> contexts, SandboxJournal journal, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The new token: <paramref name="prefix"/> followed by 256 random bits, base64url.</returns>
    public async Task<string> IssueAsync(string marketplace, string kind, object data, TimeSpan? lifetime, string prefix = "", CancellationToken ct = default)
    {
        var token = prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await RegisterAsync(marketplace, kind, token, data, lifetime, ct);
        return token;
    }

    /// <summary>Stores a token the emulator made in the marketplace's own format (WooCommerce ck_…, PrestaShop keys).</summary>
    public async Task RegisterAsync(string marketplace, string kind, string token, object data, TimeSpan? lifetime, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Set<SandboxGrant>().Add(new SandboxGrant
        {
            TokenHash = Hash(token), Marketplace = marketplace, Kind = kind, Data = JsonSerializer.Serialize(data, Json),
            IssuedAt = now, ExpiresAt = lifetime is { } l ? now + l : null,
        });
        await db.SaveChangesAsync(ct);
        journal.Issued(marketplace, kind, token);
    }

    /// <summary>A grant as issued, whatever its state (to tell "expired" from "unknown").</summary>
    public async Task<SandboxGrant?> FindIssuedAsync(string marketplace, string kind, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(token);
        return await db.Set<SandboxGrant>().AsNoTracking()
            .SingleOrDefaultAsync(g => g.TokenHash == hash && g.Marketplace == marketplace && g.Kind == kind, ct);
    }

    /// <summary>Whether the token was issued and outlived its lifetime unrevoked: "expired" rather than "unknown".</summary>
    public async Task<bool> HasExpiredAsync(string marketplace, string kind, string? token, CancellationToken ct = default) =>
        await FindIssuedAsync(marketplace, kind, token, ct) is { RevokedAt: null, ExpiresAt: { } expiresAt } && expiresAt <= clock.GetUtcNow();

    /// <summary>The data of a grant of <paramref name="kind"/> whose data has <paramref name="property"/> = <paramref name="value"/> (a shop by its id).</summary>
    public async Task<SandboxGrant?> FindWhereAsync(string marketplace, string kind, string property, string value, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Where(db, marketplace, kind, property, value).AsNoTracking().OrderByDescending(g => g.IssuedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>A grant that is still valid: known, not expired, not consumed, not revoked.</summary>
    public async Task<SandboxGrant?> FindAsync(string marketplace, string kind, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(token);
        return await db.Set<SandboxGrant>().AsNoTracking().SingleOrDefaultAsync(g =>
            g.TokenHash == hash && g.Marketplace == marketplace && g.Kind == kind
            && g.ConsumedAt == null && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now), ct);
    }

    /// <summary>Takes a single-use grant (authorization code, rotating refresh token): only one caller ever gets it.</summary>
    public async Task<SandboxGrant?> ConsumeAsync(string marketplace, string kind, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(token);
        var taken = await db.Set<SandboxGrant>()
            .Where(g => g.TokenHash == hash && g.Marketplace == marketplace && g.Kind == kind
                && g.ConsumedAt == null && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ConsumedAt, now), ct);
        return taken == 1 ? await db.Set<SandboxGrant>().AsNoTracking().SingleAsync(g => g.TokenHash == hash, ct) : null;
    }

    /// <summary>Whether a token was issued and has since been consumed (reuse of a code or rotated refresh token).</summary>
    public async Task<bool> WasConsumedAsync(string marketplace, string kind, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(token);
        return await db.Set<SandboxGrant>().AnyAsync(g => g.TokenHash == hash && g.Marketplace == marketplace && g.Kind == kind && g.ConsumedAt != null, ct);
    }

    public async Task<bool> RevokeAsync(string marketplace, string kind, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(token);
        return await db.Set<SandboxGrant>()
            .Where(g => g.TokenHash == hash && g.Marketplace == marketplace && g.Kind == kind && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct) == 1;
    }

    /// <summary>Revokes every grant of a kind whose data has <paramref name="property"/> = <paramref name="value"/> (all tokens of one grant).</summary>
    public async Task<int> RevokeWhereAsync(string marketplace, string kind, string property, string value, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hashes = await Where(db, marketplace, kind, property, value).Where(g => g.RevokedAt == null).Select(g => g.TokenHash).ToListAsync(ct);
        return await db.Set<SandboxGrant>().Where(g => hashes.Contains(g.TokenHash))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct);
    }

    /// <summary>Grants whose JSON data has <paramref name="property"/> = <paramref name="value"/>: <c>->></c> reads a
    /// top-level member on PostgreSQL's jsonb and on SQLite alike; SQLite gives a JSON number as a number, hence the cast.</summary>
    private static IQueryable<SandboxGrant> Where(AppDbContext db, string marketplace, string kind, string property, string value) =>
        db.Set<SandboxGrant>().FromSql($"SELECT * FROM sandbox_grants WHERE CAST(data ->> {property} AS TEXT) = {value}")
            .Where(g => g.Marketplace == marketplace && g.Kind == kind);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
