namespace Marketplaces.Hosting;

/// <summary>
/// The running app reads the repository root's appsettings.json and serves its wwwroot, so the content root
/// is the folder that holds both, found by walking up from the binaries unless one is given explicitly.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")
            ?? args.FirstOrDefault(a => a.StartsWith("--contentRoot=", StringComparison.OrdinalIgnoreCase))?.Split('=', 2)[1];
        var root = explicitRoot ?? Locate(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        return new WebApplicationOptions { Args = args, ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot") };
    }

    public static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                return dir.FullName;
        }
        return null;
    }
}
