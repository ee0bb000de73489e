using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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

        // The menu counts every account's unread messages, other tests' included: this one adds one.
        var before = UnreadIn(await page.Locator(".messages-nav").InnerTextAsync());
        ebay.Receive("browser_buyer", "Can you combine shipping?", "110777");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read now" }).ClickAsync();

        var item = page.Locator(".conversation-item", new() { HasText = "browser_buyer" });
        await Expect(item.Locator(".unread-count")).ToHaveTextAsync("1");
        await Expect(page.Locator(".messages-nav")).ToContainTextAsync($"{before + 1} unread");
        await item.ClickAsync();
        await Expect(page.Locator(".message.from-buyer .message-body")).ToHaveTextAsync("Can you combine shipping?");
        await Expect(item.Locator(".unread-count")).ToHaveCountAsync(0);
        await page.GetByLabel("Reply").FillAsync("Yes: add both to the cart and I will refund the difference.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.Locator(".message.from-seller .message-body")).ToHaveTextAsync("Yes: add both to the cart and I will refund the difference.");
        Assert.Equal("Yes: add both to the cart and I will refund the difference.", ebay.Read(all => all.Single().Messages.Last().Body));
    }

    [Fact]
    public async Task A_reply_eBay_refuses_because_the_seller_withdrew_the_grant_says_so_and_keeps_the_typed_text()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "ebay", "msg-withdrawn");
        var ebay = app.EbayInbox("msg-withdrawn");
        ebay.Receive("patient_buyer", "Is it still available?", "110888");
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync("/messages");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Read now" }).ClickAsync();
        await page.Locator(".conversation-item", new() { HasText = "patient_buyer" }).ClickAsync();
        await Expect(page.Locator(".message.from-buyer .message-body")).ToHaveTextAsync("Is it still available?");

        await WithdrawnGrants.WithdrawAsync(app, "ebay", connection);
        await page.GetByLabel("Reply").FillAsync("Yes, it ships tomorrow.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        // eBay's refusal in words; or, when a background read met it first and marked the account, that it must be connected again.
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Not sent" }))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex("eBay no longer accepts this authorization|msg-withdrawn needs to be connected again"));
        await Expect(page.GetByLabel("Reply")).ToHaveValueAsync("Yes, it ships tomorrow.");
        Assert.Single(ebay.Read(all => all.Single().Messages));
    }

    private static int UnreadIn(string nav) =>
        System.Text.RegularExpressions.Regex.Match(nav, @"\((\d+) unread\)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
}
