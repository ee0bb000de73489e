namespace Marketplaces.Hosting;

/// <summary>Creates files and folders that only the app's own system user may read.</summary>
public static class OwnerOnly
{
    private const UnixFileMode Directory700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="worldTraversable">
    /// The data root must stay traversable (not listable) by others so the database server, which runs as its
    /// own system user, can reach its cluster directory inside it.
    /// </param>
    public static void CreateDirectory(string path, bool worldTraversable = false)
    {
        var mode = worldTraversable ? Directory700 | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : Directory700;
        Directory.CreateDirectory(path, mode);
        File.SetUnixFileMode(path, mode);
    }

    public static void WriteAllText(string path, string contents)
    {
        using (var stream = new FileStream(path, new FileStreamOptions
               {
                   Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = File600,
               }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }
        File.SetUnixFileMode(path, File600);
    }
}
