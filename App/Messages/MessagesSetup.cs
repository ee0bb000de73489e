using Marketplaces.Hosting;

namespace Marketplaces.Messages;

public static class MessagesSetup
{
    public static void AddMessages(this IServiceCollection services)
    {
        services.AddSingleton<Notifier<Conversation>>();
        services.AddSingleton<MessageInbox>();
        services.AddSingleton<OrderMessages>();
        services.AddTransient<PollMessagesJob>();
    }
}
