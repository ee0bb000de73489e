using System.Diagnostics;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>A small tmpfs (read-only, or nearly full) for start-up tests of a data folder; null where mounting is not allowed.</summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount? TryCreate(string options)
    {
        var path = System.IO.Path.Combine(TestPostgres.Root, "mounts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path) ? new TmpfsMount(path) : null;
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static bool Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
