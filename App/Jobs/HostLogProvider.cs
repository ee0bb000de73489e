using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Marketplaces.Jobs;

/// <summary>
/// Hangfire's loggers from this host's logger factory. Hangfire keeps one log provider per process, so where several
/// hosts share a process (the test suite) the last one started may be stopped while another still serves its
/// dashboard: a disposed factory then gives a silent logger instead of failing the request.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
