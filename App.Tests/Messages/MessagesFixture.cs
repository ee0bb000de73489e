using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Messages;
using Marketplaces.Messages;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Messages;

/// <summary>The browser and an app whose eBay sellers' buyers write through the emulator's inbox; each test connects its own seller.</summary>
public sealed class MessagesFixture : BrowserFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
    }

    public MessageInbox Inbox => Services.GetRequiredService<MessageInbox>();

    public EbaySandboxInbox EbayInbox(string seller) =>
        Services.GetServices<ISandboxEmulator>().OfType<EbayMessagesEmulator>().Single().Inbox(EbaySandboxAccount.FromName(seller));
}
