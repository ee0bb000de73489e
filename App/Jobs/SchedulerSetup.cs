using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Polling;
using Quartz;

namespace Marketplaces.Jobs;

public static class SchedulerSetup
{
    public const string SchedulerName = "Marketplaces";

    /// <summary>
    /// Quartz in this process with its job store in the app's database (tables created by SchemaMigrator),
    /// clustered so several instances sharing one database run each job once.
    /// </summary>
    public static void AddScheduler(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
            });
            q.UseInMemoryStore();
            q.AddJobListener<JobRunRecorder>(sp => sp.GetRequiredService<JobRunRecorder>(), []);
            q.ScheduleJob<TokenRefreshJob>(trigger => trigger
                .WithIdentity("token-refresh", "system")
                .WithDescription("Renews access tokens before they expire")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(TokenRefreshJob.Key).WithDescription("Token refresh"));
            PollFeedsJob.Schedule(q);
        });
        services.AddSingleton<TokenRefreshSweep>();
        services.AddSingleton<Notifier<JobRun>>();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<JobsOverview>();
        services.AddHostedService<SchedulerHost>();
    }
}
