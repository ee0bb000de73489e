using Marketplaces.Hosting;

namespace Marketplaces.Webhooks;

public static class WebhooksSetup
{
    public static void AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddSingleton<Notifier<WebhookEvent>>();
        services.AddSingleton<WebhookRefusals>();
        services.AddSingleton<WebhookWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookWriter>());
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WebhookProcessor>();
        services.AddSingleton<IWebhookHandler, PrivacyRequests>();
        services.AddSingleton<IWebhookHandler, TikTok.Webhooks.TikTokGrantRemovals>();
        services.AddSingleton<WebhookSubscriptions>();
        services.AddSingleton<WebhookStates>();
        services.AddTransient<ProcessWebhooksJob>();
        services.AddTransient<SubscribeWebhooksJob>();
        services.AddTransient<CheckWebhooksJob>();
        services.AddHostedService<WebhookSubscriptionTrigger>();
    }
}
