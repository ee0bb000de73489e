using System.Diagnostics;

namespace Marketplaces.Database.Embedded;

public sealed record ProcessResult(int ExitCode, string Output);

/// <summary>Runs a command to completion within a time bound, optionally as another system user.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string file, IEnumerable<string> arguments, string? asUser, TimeSpan timeout, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo
        {
            FileName = asUser is null ? file : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", file }) info.ArgumentList.Add(a);
        }
        foreach (var a in arguments) info.ArgumentList.Add(a);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new ProcessResult(process.ExitCode, (await stdout + await stderr).Trim());
    }
}
