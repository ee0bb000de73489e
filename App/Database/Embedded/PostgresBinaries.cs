namespace Marketplaces.Database.Embedded;

/// <summary>Locates the machine's PostgreSQL server programs (Debian installs them under /usr/lib/postgresql/N/bin).</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public static PostgresBinaries Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IsComplete(configured) ? new PostgresBinaries(configured)
                : throw new InvalidOperationException(
                    $"Database:PostgresBinDirectory is '{configured}', but initdb and pg_ctl are not there.");
        }
        var candidates = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(v => (Version: int.TryParse(Path.GetFileName(v), out var n) ? n : 0, Bin: Path.Combine(v, "bin")))
                .Where(c => IsComplete(c.Bin))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Bin)
            : [];
        return candidates.FirstOrDefault() is { } found
            ? new PostgresBinaries(found)
            : throw new InvalidOperationException(
                "No PostgreSQL server found: install it (apt-get install -y postgresql), set Database:PostgresBinDirectory, " +
                "or set ConnectionStrings:Main to use an external server.");
    }

    private static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
}
