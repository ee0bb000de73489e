namespace Marketplaces.Hosting;

/// <summary>Creates files and folders that only the app's own system user may read.</summary>
public static class OwnerOnly
{
    private const UnixFileMode Directory700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        Directory.CreateDirectory(path, Directory700);
        File.SetUnixFileMode(path, Directory700);
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
