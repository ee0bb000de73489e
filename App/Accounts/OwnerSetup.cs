using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Accounts;

/// <summary>Creates the one owner account on first run; a second attempt, even a concurrent one, is refused.</summary>
public sealed class OwnerSetup(AppDbContext db, IExclusiveLocks locks, UserManager<IdentityUser> users)
{
    public async Task<IdentityResult> CreateOwnerAsync(string email, string password, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("setup", "owner", ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.AnyAsync(ct))
            return IdentityResult.Failed(new IdentityError { Code = "OwnerExists", Description = "The owner account already exists." });
        var owner = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(owner, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(owner, Roles.Owner);
        if (result.Succeeded) await tx.CommitAsync(ct);
        return result;
    }
}
