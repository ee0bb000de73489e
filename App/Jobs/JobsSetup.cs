using Hangfire;
using Hangfire.AspNetCore;
using Marketplaces.Accounts;
using Marketplaces.Database;
using Marketplaces.Hosting;

namespace Marketplaces.Jobs;

public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire in this process: the storage matching the database provider, one server, the recurring sweeps.</summary>
    public static void AddJobs(this IServiceCollection services, DatabaseConnection database, AppPaths paths)
    {
        // This app's own storage and activator rather than Hangfire's process-wide JobStorage.Current and
        // JobActivator.Current (several apps share a test process). Registered first: AddHangfire only adds what is missing.
        services.AddSingleton(_ => JobsStorage.Create(database, paths));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        var server = JobsServer.ForThisProcess();
        services.AddSingleton(server);
        // Before the server: the storage is prepared and the recurring jobs declared when it starts polling.
        services.AddHostedService<RecurringJobs>();
        services.AddHangfireServer(o =>
        {
            o.ServerName = server.Name;
            o.WorkerCount = 4;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            // Running jobs get their cancellation token at stop and this long to finish; then the server lets go,
            // within the host's own 20-second shutdown bound.
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton<TokenRefreshSweep>();
    }

    /// <summary>
    /// Hangfire's dashboard at <c>/jobs</c>, owner only (an endpoint policy, so staff get 403 and anonymous visitors the
    /// sign-in page); its POST actions need the app's antiforgery token, which Hangfire checks when IAntiforgery is registered.
    /// </summary>
    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Roles.Owner, DashboardPath, new DashboardOptions
        {
            DashboardTitle = "Marketplaces jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        });
}
