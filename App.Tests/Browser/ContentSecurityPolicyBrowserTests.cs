using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

/// <summary>Issue 12, point 4: the Content-Security-Policy breaks nothing a seller or operator opens.</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_pages_and_the_jobs_dashboard_run_under_the_policy_without_one_violation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        page.PageError += (_, error) => violations.Add(error);
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();

        // Interactive: the circuit (WebSocket) and MudBlazor's script answer a click.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Orders", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders", Exact = true })).ToBeVisibleAsync();
        foreach (var path in new[] { "/settings", "/", "/jobs", "/jobs/recurring" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.Empty(violations);
    }
}
