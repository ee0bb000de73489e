using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

public sealed class JobsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_owner_opens_jobs_from_the_navigation_and_triggers_the_token_refresh()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Jobs", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Marketplaces jobs"));
        await page.GotoAsync("/jobs/recurring");
        var row = page.Locator("tr", new() { HasText = "token-refresh" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("tr", new() { HasText = "poll-feeds" })).ToBeVisibleAsync();

        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync(), "**/jobs/recurring/trigger");

        // The list of succeeded jobs is a plain page: reload it until the triggered run has finished.
        var succeeded = page.GetByText("TokenRefreshJob.RunAsync").First;
        for (var attempt = 0; attempt < 60 && !await succeeded.IsVisibleAsync(); attempt++)
        {
            await Task.Delay(500);
            await page.GotoAsync("/jobs/jobs/succeeded");
        }
        await Expect(succeeded).ToBeVisibleAsync();
    }
}
