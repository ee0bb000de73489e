using System.Diagnostics;
using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplaces.Benchmarks;

/// <summary>
/// Issue 18's upload legs with a 1 GiB video (<c>BENCH_UPLOAD_MB</c> sets another size): the browser's file to the app
/// (Chromium through the Uploads page, Blazor's InputFile stream to Data/media/uploads) and the app's file to the TikTok
/// emulator (the job's chunked PUTs over HTTP), each in MB/s beside a plain copy of the same file on the same disk in
/// the same run (the baseline); and the app process's memory during both legs above what it used just before
/// (sampled every 100 ms; Chromium's own processes not counted).
/// </summary>
public static class UploadScenario
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var megabytes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_UPLOAD_MB"), out var n) ? n : 1024;
        var size = megabytes * 1024L * 1024;
        await using var app = new BenchApp(provider);
        await app.InitializeAsync();
        app.StopScheduledPolling();
        await app.EnsureOwnerAsync();
        await SandboxAccounts.ConnectAsync(app, "tiktok", "bench-uploader");
        var folder = Path.Combine(app.DataDirectory, "bench-upload");
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, "bench.mp4");
        await WriteVideoAsync(source, size);

        var copy = Stopwatch.StartNew();
        File.Copy(source, Path.Combine(folder, "copy.mp4"));
        copy.Stop();
        File.Delete(Path.Combine(folder, "copy.mp4"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ServerAddress.ToString() })).NewPageAsync();
        page.SetDefaultTimeout(600_000);
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/uploads");
        await page.WaitForInteractiveAsync();
        await page.Locator(".creator-nickname").WaitForAsync();
        await page.Locator("input[type=radio]").Nth(1).CheckAsync(new() { Force = true });

        var memory = new MemorySampler();
        await page.Locator("input.upload-file").SetInputFilesAsync(source);
        var toApp = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        var uploads = app.Services.GetRequiredService<VideoUploads>();
        await Until(async () => (await uploads.ListAsync()).SingleOrDefault() is { State: not VideoUploadState.Receiving });
        toApp.Stop();
        var toTikTok = Stopwatch.StartNew();
        await Until(async () => (await uploads.ListAsync()).Single() is { UploadedAt: not null } or { State: VideoUploadState.Failed });
        toTikTok.Stop();
        var peak = memory.Stop();
        var upload = (await uploads.ListAsync()).Single();

        double Rate(Stopwatch clock) => megabytes / clock.Elapsed.TotalSeconds;
        var scenario = "upload";
        return
        [
            new Figure(scenario, $"browser → app {Rate(toApp):0} MB/s, app → TikTok emulator {Rate(toTikTok):0} MB/s; plain file copy (baseline) {Rate(copy):0} MB/s",
                "-", null, $"{megabytes} MB video, Chromium through the Uploads page (inbox draft), the job's {TikTok.Uploads.TikTokChunkPlan.For(size).ChunkCount} chunked PUTs; ended {upload.State}"),
            new Figure(scenario, $"app memory above its level before: {peak / 1_048_576.0:0} MB at most", "< 100 MB", peak < 100L * 1024 * 1024,
                "the process's working set sampled every 100 ms during both legs, less the sample just before"),
        ];
    }

    /// <summary>An MP4's first box, then the rest of the file in 1 MB blocks of random bytes.</summary>
    private static async Task WriteVideoAsync(string path, long size)
    {
        await using var file = File.Create(path);
        var block = new byte[1024 * 1024];
        new Random(5).NextBytes(block);
        "\0\0\0\u0018ftypmp42"u8.ToArray().CopyTo(block, 0);
        for (long written = 0; written < size; written += block.Length) await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - written)));
    }

    private static async Task Until(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the upload did not finish in 20 minutes");
            await Task.Delay(100);
        }
    }

    /// <summary>The process's working set every 100 ms; the most above the first sample.</summary>
    private sealed class MemorySampler
    {
        private readonly long _before = Sample();
        private long _most;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public MemorySampler() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _most = Math.Max(_most, Sample() - _before);
                await Task.Delay(100);
            }
        });

        public long Stop()
        {
            _stop.Cancel();
            _loop.Wait();
            return _most;
        }

        private static long Sample()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }
}
