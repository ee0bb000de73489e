
namespace Marketplaces.Hosting;

/// <summary>Start-up refusals about the data folder itself.</summary>
public static class DataFolder
{
    public static StartupRefusal Unwritable(string folder, Exception e) => new(
        $"The data folder {folder} cannot be created or written ({e.Message}). The app keeps its database, keys and " +
        "logs there: give the app's user write access to it, or point DataDirectory at a writable folder.", e);

    public static StartupRefusal Unwritable(AppPaths paths, Exception e) => Unwritable(paths.DataDirectory, e);

    public static StartupRefusal Full(AppPaths paths, Exception e) => new(
        $"The disk holding the data folder {paths.DataDirectory} is full. Free some space and start the app again; " +
        "nothing was changed.", e);
}
