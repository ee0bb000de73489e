using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Accounts;

public sealed record UserRow(string Id, string Email, string Role, bool LockedOut);

/// <summary>
/// The owner's user management. Interactive components live as long as a circuit, so each operation takes its
/// own service scope (and database context) instead of holding one.
/// </summary>
public sealed class StaffAccounts(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var owners = (await users.GetUsersInRoleAsync(Roles.Owner)).Select(u => u.Id).ToHashSet();
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        return all.Select(u => new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id, owners.Contains(u.Id) ? Roles.Owner : Roles.Staff,
            u.LockoutEnd > DateTimeOffset.UtcNow)).ToList();
    }

    public async Task<IdentityResult> AddStaffAsync(string email, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, Roles.Staff) : result;
    }

    public async Task<IdentityResult> RemoveStaffAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Failed(new IdentityError { Description = "That user no longer exists." });
        if (await users.IsInRoleAsync(user, Roles.Owner))
            return IdentityResult.Failed(new IdentityError { Description = "The owner account cannot be removed." });
        return await users.DeleteAsync(user);
    }
}
