using System.Security.Cryptography;
using System.Text;
using Marketplaces.Catalog;
using Marketplaces.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

/// <summary>
/// The state of connect flows: 256 random bits, single use, valid 15 minutes, bound to the signed-in user and to
/// the browser that started the flow (a random value in an HttpOnly cookie). Stored as hashes.
/// </summary>
public sealed class PendingAuthorizations(IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly IDataProtector _verifiers = protection.CreateProtector("Marketplaces.PkceVerifier");

    public sealed record Started(string State, string? CodeVerifier);

    public async Task<Started> StartAsync(string marketplace, MarketplaceEnvironment environment, string? accountParameter,
        string userId, string userName, string binding, bool pkce, CancellationToken ct = default)
    {
        var state = RandomToken();
        var verifier = pkce ? RandomToken() : null;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Set<PendingAuthorization>().Add(new PendingAuthorization
        {
            StateHash = Hash(state), Marketplace = marketplace, Environment = environment, AccountParameter = accountParameter,
            UserId = userId, UserName = userName, BindingHash = Hash(binding),
            CodeVerifierCiphertext = verifier is null ? null : _verifiers.Protect(verifier),
            CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        await db.Set<PendingAuthorization>().Where(p => p.ExpiresAt < now - TimeSpan.FromDays(1)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return new Started(state, verifier);
    }

    public sealed record Taken(PendingAuthorization Pending, string? CodeVerifier);

    /// <summary>
    /// Takes the pending flow for <paramref name="state"/> exactly once. Fails (with a message for the seller) when
    /// the state is missing, unknown, already used, expired, from another user or another browser, or for another marketplace.
    /// </summary>
    public async Task<(Taken? Taken, string? Error)> TakeAsync(string marketplace, string? state, string userId, string? binding, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(state)) return (null, "The marketplace sent no state: this callback was not started here.");
        var hash = Hash(state);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = await db.Set<PendingAuthorization>().AsNoTracking().SingleOrDefaultAsync(p => p.StateHash == hash, ct);
        if (pending is null || pending.Marketplace != marketplace) return (null, "Unknown state: this callback was not started here.");
        if (pending.UsedAt is not null) return (null, "This authorization was already used. Start again with Connect.");
        if (pending.ExpiresAt <= now) return (null, "This authorization expired (15 minutes). Start again with Connect.");
        if (pending.UserId != userId || binding is null || !FixedEquals(pending.BindingHash, Hash(binding)))
            return (null, "This authorization was started by another user or browser.");
        var claimed = await db.Set<PendingAuthorization>()
            .Where(p => p.StateHash == hash && p.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedAt, now), ct);
        if (claimed != 1) return (null, "This authorization was already used. Start again with Connect.");
        var verifier = pending.CodeVerifierCiphertext is null ? null : _verifiers.Unprotect(pending.CodeVerifierCiphertext);
        return (new Taken(pending, verifier), null);
    }

    /// <summary>For flows whose callback carries no browser (WooCommerce's server-to-server key POST): by state alone.</summary>
    public async Task<PendingAuthorization?> TakeByStateAsync(string marketplace, string? state, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(state)) return null;
        var hash = Hash(state);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claimed = await db.Set<PendingAuthorization>()
            .Where(p => p.StateHash == hash && p.Marketplace == marketplace && p.UsedAt == null && p.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedAt, now), ct);
        return claimed == 1 ? await db.Set<PendingAuthorization>().AsNoTracking().SingleAsync(p => p.StateHash == hash, ct) : null;
    }

    public static string RandomToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
