using System.Net;
using Marketplaces.Accounts;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Accounts;

/// <summary>Issue 12, point 6: users change their password, the owner sets staff passwords and removes staff, the owner stays.</summary>
public sealed class AccountBasicsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string NewPassword = "Second-Password-2";

    public Task InitializeAsync() => app.EnsureOwnerAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private StaffAccounts Staff => app.Services.GetRequiredService<StaffAccounts>();

    private async Task<string> NewStaffAsync(string email)
    {
        Assert.True((await Staff.AddStaffAsync(email, TestUsers.Password)).Succeeded);
        return (await Staff.ListAsync()).Single(u => u.Email == email).Id;
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await HtmlForms.SubmitAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<bool> SignsInAsync(string email, string password) =>
        (await SignInAsync(app.CreateBrowserLikeClient(), email, password)).StatusCode == HttpStatusCode.Redirect;

    private static async Task<bool> IsSignedInAsync(HttpClient client) => (await client.GetAsync("/orders")).StatusCode == HttpStatusCode.OK;

    private static async Task<string> ChangePasswordAsync(HttpClient client, string current, string next, string confirm)
    {
        var response = await HtmlForms.SubmitAsync(client, "/account/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = confirm });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_with_the_current_one_and_their_other_sessions_end()
    {
        const string email = "changer@shop.example";
        await NewStaffAsync(email);
        var here = await app.SignedInClientAsync(email);
        var elsewhere = await app.SignedInClientAsync(email);

        var wrong = await ChangePasswordAsync(here, "Not-The-Password-1", NewPassword, NewPassword);
        Assert.Contains("The current password is not right.", wrong);
        var weak = await ChangePasswordAsync(here, TestUsers.Password, "short", "short");
        Assert.Contains("The password is too short: use at least 10 characters.", weak);
        var lower = await ChangePasswordAsync(here, TestUsers.Password, "alllowercase1", "alllowercase1");
        Assert.Contains("The password needs an upper-case letter (A to Z).", lower);
        foreach (var page in new[] { wrong, weak, lower })
        {
            Assert.DoesNotContain(TestUsers.Password, page);
            Assert.DoesNotContain(NewPassword, page);
        }
        Assert.True(await IsSignedInAsync(elsewhere));

        Assert.Contains("Your password is changed.", await ChangePasswordAsync(here, TestUsers.Password, NewPassword, NewPassword));
        Assert.True(await IsSignedInAsync(here));
        Assert.False(await IsSignedInAsync(elsewhere));
        Assert.False(await SignsInAsync(email, TestUsers.Password));
        Assert.True(await SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task The_owner_sets_a_staff_password_which_ends_their_sessions_and_lifts_a_lockout()
    {
        const string email = "locked@shop.example";
        var id = await NewStaffAsync(email);
        var session = await app.SignedInClientAsync(email);
        for (var i = 0; i < 5; i++) await SignsInAsync(email, "Wrong-Password-1");
        Assert.Contains(await Staff.ListAsync(), u => u.Email == email && u.LockedOut);

        var weak = await Staff.ResetStaffPasswordAsync(id, "NoDigitsHere");
        Assert.Equal(["The password needs a digit (0 to 9)."], weak.Errors.Select(e => e.Description));

        Assert.True((await Staff.ResetStaffPasswordAsync(id, NewPassword)).Succeeded);
        Assert.False(await IsSignedInAsync(session));
        Assert.DoesNotContain(await Staff.ListAsync(), u => u.Email == email && u.LockedOut);
        Assert.True(await SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task A_removed_staff_user_is_signed_out_at_once()
    {
        const string email = "leaver@shop.example";
        var id = await NewStaffAsync(email);
        var session = await app.SignedInClientAsync(email);

        Assert.True((await Staff.RemoveStaffAsync(id)).Succeeded);

        Assert.False(await IsSignedInAsync(session));
        Assert.False(await SignsInAsync(email, TestUsers.Password));
    }

    [Fact]
    public async Task The_owner_account_cannot_be_removed_or_given_a_password_by_the_staff_screen()
    {
        var owner = (await Staff.ListAsync()).Single(u => u.Role == Roles.Owner);

        Assert.False((await Staff.RemoveStaffAsync(owner.Id)).Succeeded);
        Assert.False((await Staff.ResetStaffPasswordAsync(owner.Id, NewPassword)).Succeeded);

        Assert.Single(await Staff.ListAsync(), u => u.Role == Roles.Owner);
        Assert.True(await SignsInAsync(TestUsers.OwnerEmail, TestUsers.Password));
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_write_the_password_back_into_the_page()
    {
        var response = await SignInAsync(app.CreateBrowserLikeClient(), TestUsers.OwnerEmail, "Typed-But-Wrong-7");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sign-in failed.", html);
        Assert.DoesNotContain("Typed-But-Wrong-7", html);
    }
}
