using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

public sealed class JobsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_owner_sees_the_jobs_and_a_triggered_run_appears_without_reloading()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/jobs");
        await page.WaitForInteractiveAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        var jobs = page.Locator(".jobs-grid");
        await Expect(jobs.GetByText("Renews access tokens before they expire")).ToBeVisibleAsync();
        await Expect(jobs.Locator("tr", new() { HasText = "Renews access tokens before they expire" }).GetByText("every 1 min")).ToBeVisibleAsync();
        await Expect(page.Locator(".nodes-grid").GetByText("(this app)")).ToBeVisibleAsync();
        var runsBefore = await page.Locator(".history-grid tbody tr").CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Trigger Renews access tokens before they expire now" }).ClickAsync();

        await Expect(page.Locator(".history-grid").GetByText(new Regex(@"\d+ due, \d+ refreshed, \d+ failed")).First).ToBeVisibleAsync();
        await Expect(page.Locator(".succeeded-24h")).Not.ToHaveTextAsync("0");
        Assert.True(await page.Locator(".history-grid tbody tr").CountAsync() >= Math.Max(runsBefore, 1));
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task Pausing_a_job_shows_it_paused_and_resuming_brings_back_its_next_run()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/jobs");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause Renews access tokens before they expire" }).ClickAsync();
        await Expect(page.Locator(".jobs-grid").GetByText("paused")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume Renews access tokens before they expire" }).ClickAsync();
        await Expect(page.Locator(".jobs-grid").GetByText("paused")).ToHaveCountAsync(0);
    }
}
