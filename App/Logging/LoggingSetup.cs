using Marketplaces.Hosting;

namespace Marketplaces.Logging;

public static class LoggingSetup
{
    public static void AddFileLogging(this WebApplicationBuilder builder, AppPaths paths) =>
        builder.Logging.AddProvider(new FileLoggerProvider(paths.Logs));
}
