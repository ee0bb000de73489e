using Marketplaces.Database;
using Marketplaces.Accounts;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Accounts;

public sealed class SetupTests
{
    [Fact]
    public async Task Before_the_owner_exists_every_page_leads_to_setup_and_setup_creates_the_owner()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        var client = app.CreateBrowserLikeClient();
        var redirect = await client.GetAsync("/");
        Assert.Equal("/setup", redirect.Headers.Location!.OriginalString);

        var created = await HtmlForms.SubmitAsync(client, "/setup", "setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com", ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("first@example.com"))!, Roles.Owner));
    }

    [Fact]
    public async Task Once_the_owner_exists_setup_is_gone_and_cannot_create_a_second_owner()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        await app.EnsureOwnerAsync();
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var second = await scope.ServiceProvider.GetRequiredService<OwnerSetup>()
            .CreateOwnerAsync("intruder@example.com", TestUsers.Password, CancellationToken.None);
        Assert.False(second.Succeeded);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("intruder@example.com"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Concurrent_setup_attempts_create_exactly_one_owner(DatabaseProvider provider)
    {
        await using var app = new AppFactory().On(provider);
        await app.InitializeAsync();
        var attempts = Enumerable.Range(0, 5).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OwnerSetup>()
                .CreateOwnerAsync($"owner{i}@example.com", TestUsers.Password, CancellationToken.None);
        });
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, r => r.Succeeded);
        Assert.Single(await app.Services.GetRequiredService<StaffAccounts>().ListAsync());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        await app.EnsureOwnerAsync();
        for (var i = 0; i < 5; i++)
        {
            await HtmlForms.SubmitAsync(app.CreateBrowserLikeClient(), "/account/sign-in", "sign-in",
                new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = "wrong password" });
        }
        var withRightPassword = await HtmlForms.SubmitAsync(app.CreateBrowserLikeClient(), "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("Sign-in failed.", await withRightPassword.Content.ReadAsStringAsync());
        Assert.Contains(await app.Services.GetRequiredService<StaffAccounts>().ListAsync(), u => u.LockedOut);
    }
}
