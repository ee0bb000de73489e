using Marketplaces.Hosting;

namespace Marketplaces.Polling;

public static class PollingSetup
{
    /// <summary>The engine, its sweep and every <see cref="IFeed"/> and <see cref="IFeedTally"/> in the app, found by reflection.</summary>
    public static void AddPolling(this IServiceCollection services)
    {
        services.AddOptions<PollingOptions>().BindConfiguration("Polling");
        services.AddSingleton<Notifier<FeedPage>>();
        services.AddSingleton<FeedEngine>();
        services.AddSingleton<FeedSweep>();
        services.AddSingleton<FeedStatuses>();
        foreach (var feed in typeof(PollingSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeed).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IFeed), feed);
        }
        foreach (var tally in typeof(PollingSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeedTally).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IFeedTally), tally);
        }
    }
}
