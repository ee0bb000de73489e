using Marketplaces.Hosting;

namespace Marketplaces.Database;

/// <summary>
/// One app process per SQLite data folder, held for the process's life: a second one would run every background job
/// twice (Hangfire's SQLite storage guards its queue in process only) and fight over the file. Registered as a hosted
/// service only so that the host releases it when it stops.
/// </summary>
public sealed class SqliteInstanceLock : IHostedService, IDisposable
{
    private readonly FileStream _file;

    private SqliteInstanceLock(FileStream file) => _file = file;

    public static SqliteInstanceLock Acquire(AppPaths paths)
    {
        var path = Path.Combine(paths.DataDirectory, "marketplaces.lock");
        // The holder's process id is written beside the lock: the locked file itself cannot be read by another process.
        var holderFile = Path.Combine(paths.DataDirectory, "marketplaces.pid");
        FileStream file;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) that the kernel drops when the process ends.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path) && e is not PathTooLongException)
        {
            var holder = File.Exists(holderFile) && int.TryParse(File.ReadAllText(holderFile).Trim(), out var pid) ? $" (process {pid})" : "";
            throw new StartupRefusal(
                $"Another Marketplaces process{holder} is already running on the data folder {paths.DataDirectory}. With SQLite " +
                "one instance runs per data folder: stop the other one first. Several instances need Database:Provider=PostgreSql.", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw DataFolder.Unwritable(paths, e);
        }
        OwnerOnly.WriteAllText(holderFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SqliteInstanceLock(file);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _file.Dispose();
}
