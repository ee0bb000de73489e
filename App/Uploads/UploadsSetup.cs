using Marketplaces.Hosting;

namespace Marketplaces.Uploads;

public static class UploadsSetup
{
    public static void AddUploads(this IServiceCollection services)
    {
        services.AddSingleton<Notifier<VideoUpload>>();
        services.AddSingleton<VideoUploads>();
        services.AddSingleton<VideoSender>();
        services.AddSingleton<VideoPullUrls>();
        services.AddSingleton<TikTokPostingAllowance>();
        services.AddTransient<SendVideoJob>();
        services.AddSingleton<Webhooks.IWebhookHandler, TikTokPublishEvents>();
    }
}
