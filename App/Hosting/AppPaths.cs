namespace Marketplaces.Hosting;

/// <summary>Everything the app writes at run time lives below one data directory (setting <c>DataDirectory</c>).</summary>
public sealed class AppPaths
{
    public AppPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        try
        {
            OwnerOnly.CreateDirectory(DataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFolder.Unwritable(DataDirectory, e);
        }
    }

    public string DataDirectory { get; }
    public string Keys => Path.Combine(DataDirectory, "keys");
    public string SqliteDatabase => Path.Combine(DataDirectory, "marketplaces.db");
    public string JobsDatabase => Path.Combine(DataDirectory, "jobs.db");
    public string Media => Path.Combine(DataDirectory, "media");
    public string Logs => Path.Combine(DataDirectory, "logs");
    public string Exports => Path.Combine(DataDirectory, "exports");

    public static AppPaths FromConfiguration(IConfiguration configuration, string contentRoot) =>
        new(Path.Combine(contentRoot, configuration["DataDirectory"] is { Length: > 0 } d ? d : "Data"));
}
