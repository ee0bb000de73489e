using System.Text.Json;
using Marketplaces.Database;
using Marketplaces.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// Stores a key the emulator generated in the marketplace's own format (WooCommerce ck_ + 40 hex, PrestaShop 32
/// characters) as a <see cref="SandboxGrant"/>, hashed like every other grant, so that
/// <see cref="SandboxGrants.FindAsync"/> and <see cref="SandboxGrants.RevokeAsync"/> work on it.
/// Interim: <see cref="SandboxGrants.IssueAsync"/> only makes base64url tokens; this belongs there as RegisterAsync.
/// </summary>
public sealed class SandboxKeyGrants(IDbContextFactory<AppDbContext> contexts, SandboxJournal journal, TimeProvider clock)
{
    public async Task RegisterAsync(string marketplace, string kind, string token, object data, TimeSpan? lifetime, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Set<SandboxGrant>().Add(new SandboxGrant
        {
            TokenHash = SandboxGrants.Hash(token), Marketplace = marketplace, Kind = kind,
            Data = JsonSerializer.Serialize(data, SandboxGrants.Json),
            IssuedAt = now, ExpiresAt = lifetime is { } l ? now + l : null,
        });
        await db.SaveChangesAsync(ct);
        journal.Issued(marketplace, kind, token);
    }
}
