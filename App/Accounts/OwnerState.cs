using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Accounts;

/// <summary>Whether first-run setup is over. Once an owner exists that never changes, so it is cached.</summary>
public sealed class OwnerState(IDbContextFactory<AppDbContext> contexts)
{
    private volatile bool _hasOwner;

    public async Task<bool> HasOwnerAsync(CancellationToken ct = default)
    {
        if (_hasOwner) return true;
        await using var db = await contexts.CreateDbContextAsync(ct);
        _hasOwner = await db.Users.AnyAsync(ct);
        return _hasOwner;
    }
}
