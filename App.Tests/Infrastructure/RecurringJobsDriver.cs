using Hangfire;
using Hangfire.States;
using Marketplaces.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>Drives the app's Hangfire recurring jobs from a test.</summary>
public static class RecurringJobsDriver
{
    /// <summary>Removes the poll job's schedule, so that a test decides when feeds sync (the next start declares it again).</summary>
    public static void StopScheduledPolling(this AppFactory app) =>
        app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(PollFeedsJob.Id);

    /// <summary>Removes the supplier jobs' schedules, so that a run never checks a supplier order or product between a test's own steps.</summary>
    public static void StopScheduledSupplierWork(this AppFactory app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.RemoveIfExists(Marketplaces.Dropshipping.SupplierOrdersJob.Id);
        jobs.RemoveIfExists(Marketplaces.Dropshipping.SupplierSyncJob.Id);
    }

    /// <summary>"Trigger now", then waits for the run to end; returns its final state's data (a success's "Result").</summary>
    public static async Task<(string State, IDictionary<string, string> Data)> TriggerAndWaitAsync(this AppFactory app, string recurringJobId)
    {
        var jobId = app.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(recurringJobId);
        Assert.NotNull(jobId);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var state = connection.GetStateData(jobId);
            if (state?.Name == SucceededState.StateName || state?.Name == FailedState.StateName) return (state.Name, state.Data);
            await Task.Delay(250);
        }
        throw new TimeoutException($"Job {jobId} of {recurringJobId} did not finish within 30 s");
    }
}
