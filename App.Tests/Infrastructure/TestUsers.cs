using Marketplaces.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Infrastructure;

public static class TestUsers
{
    public const string OwnerEmail = "owner@example.com";
    public const string StaffEmail = "staff@example.com";
    public const string Password = "Correct-horse-42";

    public static async Task EnsureOwnerAsync(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(OwnerEmail) is not null) return;
        var result = await scope.ServiceProvider.GetRequiredService<OwnerSetup>().CreateOwnerAsync(OwnerEmail, Password, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    public static async Task EnsureStaffAsync(this AppFactory app)
    {
        await app.EnsureOwnerAsync();
        var staff = app.Services.GetRequiredService<StaffAccounts>();
        if ((await staff.ListAsync()).Any(u => u.Email == StaffEmail)) return;
        var result = await staff.AddStaffAsync(StaffEmail, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    public static HttpClient CreateBrowserLikeClient(this AppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, string email)
    {
        var client = app.CreateBrowserLikeClient();
        var response = await HtmlForms.SubmitAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
