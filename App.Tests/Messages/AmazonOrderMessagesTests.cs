using Marketplaces.Amazon.Sandbox;
using Marketplaces.Amazon.Sandbox.Messaging;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Database;
using Marketplaces.Messages;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Messages;

public sealed class AmazonOrderMessagesTests(MessagesFixture app) : IClassFixture<MessagesFixture>
{
    private AmazonMessagingEmulator Messaging => app.Services.GetServices<ISandboxEmulator>().OfType<AmazonMessagingEmulator>().Single();

    private OrderMessages Messages => app.Services.GetRequiredService<OrderMessages>();

    /// <summary>A connected seller's unshipped order, read by the feed.</summary>
    private async Task<Order> UnshippedOrderAsync(string seller)
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "amazon", seller);
        var book = app.Services.GetServices<ISandboxEmulator>().OfType<AmazonOrdersEmulator>().Single().Book(AmazonSandboxAccount.FromName(seller));
        var placed = book.Add();
        await app.Services.GetRequiredService<FeedEngine>().SyncConnectionAsync(connection, "test");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var order = await db.Set<Order>().SingleAsync(o => o.ConnectionId == connection && o.ExternalId == placed.Id);
        Assert.Equal(SandboxOrderStatus.AwaitingShipment, placed.Status);
        return order;
    }

    [Fact]
    public async Task The_messages_amazon_allows_are_listed_and_one_is_sent_with_its_text_and_recorded()
    {
        var order = await UnshippedOrderAsync("msg-amazon");

        var (templates, problem) = await Messages.TemplatesAsync(order.Id, TestUsers.OwnerEmail);

        Assert.Null(problem);
        Assert.Equal(["confirmOrderDetails", "confirmCustomizationDetails", "unexpectedProblem", "legalDisclosure"], templates.Select(t => t.Name));
        Assert.True(templates.Single(t => t.Name == "legalDisclosure").NeedsAttachment);
        var unexpected = templates.Single(t => t.Name == "unexpectedProblem");
        Assert.Null(await Messages.SendAsync(order.Id, unexpected, "Sorry: the parcel leaves two days late.", TestUsers.OwnerEmail));
        Assert.Equal([new AmazonSentMessage(order.ExternalId, "unexpectedProblem", "Sorry: the parcel leaves two days late.")], Messaging.Sent(order.ExternalId));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Contains(await db.Set<OrderEvent>().Where(e => e.OrderId == order.Id).ToListAsync(),
            e => e.Kind == OrderEventKind.MessageSent && e.Message == "Message sent to the buyer: Unexpected problem" && e.Actor == TestUsers.OwnerEmail);
    }

    [Fact]
    public async Task Empty_too_long_attachment_only_and_not_allowed_messages_are_refused_and_nothing_is_sent()
    {
        var order = await UnshippedOrderAsync("msg-amazon-refused");
        var (templates, _) = await Messages.TemplatesAsync(order.Id, TestUsers.OwnerEmail);
        var customization = templates.Single(t => t.Name == "confirmCustomizationDetails");

        Assert.Equal("Write the message first.", await Messages.SendAsync(order.Id, customization, "  ", TestUsers.OwnerEmail));
        Assert.Equal("\"Confirm customization details\" takes at most 800 characters; this one is 801.",
            await Messages.SendAsync(order.Id, customization, new string('x', 801), TestUsers.OwnerEmail));
        Assert.Contains("needs a file attached", await Messages.SendAsync(order.Id, templates.Single(t => t.Name == "legalDisclosure"), null, TestUsers.OwnerEmail));
        var delivery = Marketplaces.Amazon.Messaging.AmazonMessageTemplates.ByAction["confirmDeliveryDetails"].Template;
        Assert.Contains("not allowed for order", await Messages.SendAsync(order.Id, delivery, "It arrives Friday.", TestUsers.OwnerEmail));
        Assert.Empty(Messaging.Sent(order.ExternalId));
    }

    [Fact]
    public async Task The_seller_sends_an_amazon_message_from_the_order_page()
    {
        var order = await UnshippedOrderAsync("msg-amazon-page");
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.GotoAsync($"/orders/{order.Id}");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "See what Amazon allows for this order" }).ClickAsync();
        await page.Locator(".message-type").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Confirm order details" }).ClickAsync();
        await page.GetByLabel("Text").FillAsync("Your engraving reads \"For Sam\"; reply in Amazon if that is wrong.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.Locator(".order-event[data-kind='MessageSent']")).ToContainTextAsync("Message sent to the buyer: Confirm order details");
        Assert.Equal("Your engraving reads \"For Sam\"; reply in Amazon if that is wrong.", Assert.Single(Messaging.Sent(order.ExternalId)).Text);
    }
}
