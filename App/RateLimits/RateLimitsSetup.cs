namespace Marketplaces.RateLimits;

public static class RateLimitsSetup
{
    public static void AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<GateStore>();
        services.AddSingleton<QuotaExhaustions>();
        services.AddSingleton<RateLimiter>();
        services.AddTransient<RateLimitHandler>();
    }
}
