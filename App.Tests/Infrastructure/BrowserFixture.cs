using Microsoft.Playwright;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// The app on a real port plus one Debian Chromium headless shell, shared by the tests of one class. The shell, not
/// the full browser in headless mode: on the 2 cores the suite runs on, the full browser's processes took well over
/// half the CPU of a whole run, and the shell ran the products page's tests with a quarter less CPU (84 s against 109 s).
/// </summary>
public class BrowserFixture : ServerAppFactory
{
    private IPlaywright? _playwright;

    /// <summary>Where the tests and benchmarks find Chromium: <c>CHROMIUM_PATH</c>, else the headless shell of scripts/prerequisites.sh.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium-headless-shell";

    public IBrowser Browser { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as the owner (made by <c>EnsureOwnerAsync</c>).</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

public static class PageExtensions
{
    /// <summary>The layout marks itself interactive once the Blazor circuit has re-rendered it on the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Chooses a file in a Blazor InputFile once its script has taken the input over (it marks the element): a file
    /// chosen before that raises no change on the server, and the page would wait for it for ever.
    /// </summary>
    public static async Task ChooseFileAsync(this IPage page, params FilePayload[] files)
    {
        var input = page.Locator("input[type=file]");
        await page.WaitForFunctionAsync("() => document.querySelector('input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await input.SetInputFilesAsync(files);
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
