using System.Diagnostics;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>The app as its own process (not under WebApplicationFactory), for what only a process shows: its exit code and console.</summary>
public static class AppProcess
{
    public sealed record Exit(int Code, string Errors, string Output);

    /// <summary>Starts the app with these settings and waits for it to exit on its own, within <paramref name="bound"/>.</summary>
    public static async Task<Exit> RunToExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan bound)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Marketplaces.dll"));
        foreach (var (key, value) in settings) info.Environment[key] = value;
        info.Environment.Remove("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACES");
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(bound).Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app was still running after {bound}: {await output}");
        }
        return new Exit(process.ExitCode, await errors, await output);
    }
}
