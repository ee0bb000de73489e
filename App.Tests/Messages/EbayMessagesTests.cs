using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Messages;

public sealed class EbayMessagesTests(MessagesFixture app) : IClassFixture<MessagesFixture>
{
    [Fact]
    public async Task A_buyers_message_is_read_marked_read_and_answered_at_ebay()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "ebay", "msg-seller");
        var ebay = app.EbayInbox("msg-seller");
        ebay.Receive("buyer_one", "Is this still available?", "110001");

        Assert.Contains("1 conversations, 1 with new messages", await app.Inbox.SyncAsync(connection, CancellationToken.None));

        var listed = Assert.Single(await app.Inbox.ListAsync(), c => c.ConnectionId == connection);
        Assert.Equal("buyer_one", listed.OtherParty);
        Assert.Equal(1, listed.UnreadCount);
        Assert.Equal("Is this still available?", listed.LatestText);
        var thread = (await app.Inbox.OpenAsync(listed.Id))!;
        Assert.False(Assert.Single(thread.Messages).FromSeller);

        Assert.Null(await app.Inbox.MarkReadAsync(listed.Id));
        Assert.Equal(0, ebay.Read(all => all.Single().Unread(ebay.Seller)));
        Assert.Equal(0, await app.Inbox.UnreadAsync());

        Assert.Null(await app.Inbox.ReplyAsync(listed.Id, "Yes, it ships tomorrow."));
        var reply = ebay.Read(all => all.Single().Messages.Last());
        Assert.Equal(("Yes, it ships tomorrow.", "buyer_one"), (reply.Body, reply.Recipient));
        var after = (await app.Inbox.OpenAsync(listed.Id))!;
        Assert.True(after.Messages.Last().FromSeller);
        Assert.Equal("Yes, it ships tomorrow.", after.LatestText);
    }

    [Fact]
    public async Task A_second_message_arrives_on_the_next_read_and_a_reply_too_long_is_refused_here()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "ebay", "msg-seller-two");
        var ebay = app.EbayInbox("msg-seller-two");
        ebay.Receive("buyer_two", "Do you ship to Austria?");
        await app.Inbox.SyncAsync(connection, CancellationToken.None);
        ebay.Receive("buyer_two", "And how long does it take?");

        await app.Inbox.SyncAsync(connection, CancellationToken.None);

        var listed = Assert.Single(await app.Inbox.ListAsync(), c => c.ConnectionId == connection);
        Assert.Equal(2, listed.UnreadCount);
        Assert.Equal(2, (await app.Inbox.OpenAsync(listed.Id))!.Messages.Count);
        Assert.Equal("A reply is at most 2000 characters; this one is 2001.", await app.Inbox.ReplyAsync(listed.Id, new string('a', 2001)));
        Assert.Equal(2, ebay.Read(all => all.Single().Messages.Count));
    }
}
