using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Uploads;

public sealed class UploadsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_seller_posts_a_small_video_then_lets_tiktok_fetch_a_draft_from_the_app_and_sees_both_in_the_history()
    {
        await app.EnsureOwnerAsync();
        await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-browser");
        var file = Path.Combine(Path.GetTempPath(), $"spring-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, VideoUploadTests.Mp4(6 * 1024 * 1024));
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/uploads");
        await page.WaitForInteractiveAsync();
        await ChooseAccountAsync(page, "Uploader Browser");

        await page.GetByLabel("Caption").FillAsync("Spring collection #sale");
        await page.Locator(".upload-privacy").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Everyone" }).ClickAsync();
        await page.Locator("input.upload-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var row = page.Locator(".upload-row", new() { HasText = Path.GetFileName(file) });
        await Expect(row.Locator(".upload-state")).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        await Expect(row.Locator(".sent-label")).ToHaveTextAsync("To TikTok 100 %");
        await Expect(row.Locator(".upload-caption-text")).ToHaveTextAsync("Spring collection #sale");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "View the post on TikTok" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^https://www\.tiktok\.com/@uploader-browser/video/\d+$"));
        File.Delete(file);

        // The same account, a draft that TikTok fetches from the app's own address.
        var pulled = Path.Combine(Path.GetTempPath(), $"pulled-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(pulled, VideoUploadTests.Mp4(3 * 1024 * 1024));
        await Expect(page.Locator(".pull-note")).ToContainTextAsync("/media/pull/");
        await page.GetByText("Send to the TikTok inbox as a draft").ClickAsync();
        await page.GetByText("TikTok fetches it from this app's address").ClickAsync();
        await page.Locator("input.upload-file").SetInputFilesAsync(pulled);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var draft = page.Locator(".upload-row", new() { HasText = Path.GetFileName(pulled) });
        await Expect(draft.Locator(".upload-state")).ToHaveTextAsync("In the TikTok inbox", new() { Timeout = 30_000 });
        await Expect(draft).ToContainTextAsync("draft fetched by TikTok");
        await Expect(draft.Locator(".sent-label")).ToHaveTextAsync("To TikTok 100 %");
        File.Delete(pulled);
    }

    /// <summary>Issue 11: the failing backend is TikTok refusing the account's tokens (the creator withdrew the grant).</summary>
    [Fact]
    public async Task A_video_tiktok_refuses_because_the_grant_was_withdrawn_fails_in_words_and_keeps_its_file_to_send_again()
    {
        await app.EnsureOwnerAsync();
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "uploader-withdrawn");
        var file = Path.Combine(Path.GetTempPath(), $"refused-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, VideoUploadTests.Mp4(1024 * 1024));
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/uploads");
        await page.WaitForInteractiveAsync();
        await ChooseAccountAsync(page, "Uploader Withdrawn");

        await WithdrawnGrants.WithdrawAsync(app, "tiktok", connection);
        await page.Locator(".upload-privacy").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Only the creator" }).ClickAsync();
        await page.Locator("input.upload-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var row = page.Locator(".upload-row", new() { HasText = Path.GetFileName(file) });
        await Expect(row.Locator(".upload-state")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        await Expect(row.Locator(".upload-message")).ToContainTextAsync("TikTok no longer accepts this authorization");
        await Expect(row.Locator(".retry-upload")).ToBeVisibleAsync();
        await row.Locator(".retry-upload").ClickAsync();
        await Expect(row.Locator(".upload-state")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        File.Delete(file);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".upload-row", new() { HasText = Path.GetFileName(file) }).Locator(".retry-upload")).ToBeVisibleAsync();
    }

    /// <summary>Each test connects an account of its own, so the form's account is chosen rather than assumed.</summary>
    private static async Task ChooseAccountAsync(IPage page, string displayName)
    {
        await page.Locator(".upload-account").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = displayName }).ClickAsync();
        await Expect(page.Locator(".creator-nickname")).ToHaveTextAsync(displayName);
    }
}
