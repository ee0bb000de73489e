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

    /// <summary>Removes a staff user; their open sessions end with the account. The owner account cannot be removed,
    /// so the install is never left without one.</summary>
    public Task<IdentityResult> RemoveStaffAsync(string userId) =>
        OnStaffAsync(userId, "removed", (users, user) => users.DeleteAsync(user));

    /// <summary>Gives a staff user a new password chosen by the owner: their open sessions end and a lockout is lifted.</summary>
    public Task<IdentityResult> ResetStaffPasswordAsync(string userId, string password) =>
        OnStaffAsync(userId, "given a password here (the owner changes theirs on their account page)", async (users, user) =>
        {
            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
            return result;
        });

    private async Task<IdentityResult> OnStaffAsync(string userId, string ownerRefusal,
        Func<UserManager<IdentityUser>, IdentityUser, Task<IdentityResult>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Failed(new IdentityError { Description = "That user no longer exists." });
        if (await users.IsInRoleAsync(user, Roles.Owner))
            return IdentityResult.Failed(new IdentityError { Description = $"The owner account cannot be {ownerRefusal}." });
        return await action(users, user);
    }
}
