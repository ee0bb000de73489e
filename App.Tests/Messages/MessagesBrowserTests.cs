using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Messages;

public sealed class MessagesBrowserTests(MessagesFixture app) : IClassFixture<MessagesFixture>
{
    [Fact]
    public async Task A_buyer_message_appears_in_the_inbox_and_the_reply_typed_there_reaches_ebay()
    {
        await SandboxAccounts.ConnectAsync(app, "ebay", "msg-browser");
        var ebay = app.EbayInbox("msg-browser");
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/messages");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".channel-offer[data-marketplace='amazon']")).ToContainTextAsync("Seller Central");

        ebay.Receive("browser_buyer", "Can you combine shipping?", "110777");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read now" }).ClickAsync();

        var item = page.Locator(".conversation-item", new() { HasText = "browser_buyer" });
        await Expect(item.Locator(".unread-count")).ToHaveTextAsync("1");
        await Expect(page.Locator(".messages-nav")).ToContainTextAsync("1 unread");
        await item.ClickAsync();
        await Expect(page.Locator(".message.from-buyer .message-body")).ToHaveTextAsync("Can you combine shipping?");
        await Expect(item.Locator(".unread-count")).ToHaveCountAsync(0);
        await page.GetByLabel("Reply").FillAsync("Yes: add both to the cart and I will refund the difference.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.Locator(".message.from-seller .message-body")).ToHaveTextAsync("Yes: add both to the cart and I will refund the difference.");
        Assert.Equal("Yes: add both to the cart and I will refund the difference.", ebay.Read(all => all.Single().Messages.Last().Body));
    }
}
