namespace Marketplaces.Sandbox;

public static class SandboxSetup
{
    public static void AddSandbox(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
        options.Enabled ??= builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxJournal>();
        builder.Services.AddSingleton<SandboxGrants>();
        builder.Services.AddSingleton<SandboxApps>();
        builder.Services.AddSingleton<SandboxRateLimits>();
        builder.Services.AddSingleton<Orders.SandboxOrderBooks>();
        builder.Services.AddSingleton<Webhooks.SandboxWebhooks>();
        builder.Services.AddSingleton<Webhooks.SandboxWebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Webhooks.SandboxWebhookSender>());
        // Deliveries go straight to the address the app registered, outside the app's marketplace pipeline.
        builder.Services.AddHttpClient(Webhooks.SandboxWebhookSender.Client);
        foreach (var emulator in typeof(SandboxSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISandboxEmulator).IsAssignableFrom(t)))
        {
            builder.Services.AddSingleton(typeof(ISandboxEmulator), emulator);
        }
    }

    /// <summary>Mounts each emulator at /sandbox/{id}: anonymous (marketplaces are called by servers and browsers
    /// without our cookie) and without antiforgery (they take the marketplaces' own form posts).</summary>
    public static void MapSandbox(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SandboxOptions>().Enabled != true) return;
        var rateLimits = app.Services.GetRequiredService<SandboxRateLimits>();
        foreach (var emulator in app.Services.GetServices<ISandboxEmulator>())
        {
            var group = app.MapGroup($"/sandbox/{emulator.MarketplaceId}").AllowAnonymous().DisableAntiforgery();
            group.AddEndpointFilter(rateLimits.FilterAsync);
            emulator.Map(group);
        }
    }
}
