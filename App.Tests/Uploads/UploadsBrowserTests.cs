using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Uploads;

public sealed class UploadsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_seller_posts_a_small_video_and_sees_it_posted_in_the_history()
    {
        await app.EnsureOwnerAsync();
        await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-browser");
        var file = Path.Combine(Path.GetTempPath(), $"spring-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, VideoUploadTests.Mp4(6 * 1024 * 1024));
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/uploads");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".creator-nickname")).ToBeVisibleAsync();

        await page.GetByLabel("Caption").FillAsync("Spring collection #sale");
        await page.Locator(".upload-privacy").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Everyone" }).ClickAsync();
        await page.Locator("input.upload-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var row = page.Locator(".upload-row", new() { HasText = Path.GetFileName(file) });
        await Expect(row.Locator(".upload-state")).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        await Expect(row.Locator(".sent-label")).ToHaveTextAsync("To TikTok 100 %");
        await Expect(row.Locator(".upload-caption-text")).ToHaveTextAsync("Spring collection #sale");
        File.Delete(file);
    }
}
