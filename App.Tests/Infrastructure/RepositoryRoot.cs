using Marketplaces.Hosting;

namespace Marketplaces.Tests.Infrastructure;

public static class RepositoryRoot
{
    public static string Path { get; } = ContentRoot.Locate(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Repository root (appsettings.json + wwwroot) not found above the test binaries");
}
