using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Ebay.Sandbox.Notifications;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Ebay.Webhooks;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Webhooks;

[Collection(WebhooksCollection.Name)]
public sealed class EbayWebhookTests(WebhooksFixture app)
{
    private EbayNotificationEmulator Notifications => app.Services.GetServices<ISandboxEmulator>().OfType<EbayNotificationEmulator>().Single();

    private async Task<string> VerificationTokenAsync() =>
        (await app.Services.GetRequiredService<SandboxApps>().GetAsync("ebay"))["verificationToken"];

    [Fact]
    public async Task The_endpoint_challenge_is_answered_exactly()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"{app.Address("ebay")}?challenge_code=71745723-d031-455c-bfa5-f90d11b4f20a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challengeResponse"]!.GetValue<string>();
        Assert.Equal(EbaySignature.ChallengeResponse("71745723-d031-455c-bfa5-f90d11b4f20a", await VerificationTokenAsync(), app.Address("ebay")), answer);
        Assert.True(await Notifications.VerifyEndpointAsync(app.Address("ebay"), await VerificationTokenAsync()));
        Assert.False(await Notifications.VerifyEndpointAsync(app.Address("ebay"), "another-token-the-owner-did-not-set-here-0000"));
    }

    [Fact]
    public async Task An_account_deletion_erases_that_buyers_data_once_and_a_forged_one_nothing()
    {
        var (connection, seller) = await ConnectAsync("hooks-deletion");
        await app.Services.GetRequiredService<FeedEngine>().SyncConnectionAsync(connection, "test");
        var book = app.Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(seller);
        var deleted = book.List()[0];
        var username = OrderJson.BuyerUsername(deleted);
        var others = book.List().Where(o => OrderJson.BuyerUsername(o) != username).Select(o => o.Id).ToList();
        Assert.NotEmpty(others);
        var notificationId = Guid.NewGuid().ToString();

        Assert.Equal(412, await Notifications.SendAccountDeletionAsync(app.Address("ebay"), username, "u1", Guid.NewGuid().ToString(), forged: true));
        Assert.Equal(204, await Notifications.SendAccountDeletionAsync(app.Address("ebay"), username, "u1", notificationId));
        Assert.Equal(204, await Notifications.SendAccountDeletionAsync(app.Address("ebay"), username, "u1", notificationId));

        await WebhooksFixture.Until(async () => (await app.AllEventsAsync()).Any(e => e.DeliveryId == notificationId && e.ProcessedAt is not null), "processed");
        Assert.Single(await app.AllEventsAsync(), e => e.Topic == "MARKETPLACE_ACCOUNT_DELETION" && e.DeliveryId == notificationId);
        await using var db = await app.DbAsync();
        var orders = await db.Set<Order>().Where(o => o.ConnectionId == connection).ToListAsync();
        var erased = orders.Single(o => o.ExternalId == deleted.Id);
        Assert.Null(erased.BuyerName);
        Assert.Null(erased.ShipTo);
        Assert.All(orders.Where(o => others.Contains(o.ExternalId)), o => Assert.NotNull(o.BuyerName));
        var recorded = await db.Set<ConnectionEvent>().Where(e => e.Action == ConnectionAction.Privacy && e.Marketplace == "ebay").Select(e => e.Message).ToListAsync();
        Assert.Contains(recorded, m => m.Contains("account was deleted"));
        Assert.DoesNotContain(recorded, m => m.Contains(username));
    }

    [Fact]
    public async Task A_seller_is_subscribed_to_order_confirmation_on_connect_an_order_arrives_by_push_a_disabled_subscription_is_enabled_and_disconnecting_deletes_it()
    {
        var (connection, seller) = await ConnectAsync("hooks-confirmed");
        await WebhooksFixture.SubscribedAsync(app.Services, connection, topics: 1);
        var sandboxHooks = app.Services.GetRequiredService<Marketplaces.Sandbox.Webhooks.SandboxWebhooks>();
        var hook = Assert.Single(sandboxHooks.List("ebay", seller.UserId));
        Assert.Equal((EbayWebhookReceiver.OrderConfirmation, app.Address("ebay"), true), (hook.Topic, hook.Address, hook.Active));

        var before = (await app.AllEventsAsync()).Count(e => e.Topic == EbayWebhookReceiver.OrderConfirmation);
        var order = app.Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(seller).Add();

        await WebhooksFixture.Until(async () =>
        {
            await using var db = await app.DbAsync();
            return await db.Set<Order>().AnyAsync(o => o.ConnectionId == connection && o.ExternalId == order.Id);
        }, "in the orders list", seconds: 10);
        var pushed = (await app.AllEventsAsync()).Where(e => e.Topic == EbayWebhookReceiver.OrderConfirmation).Skip(before).ToList();
        Assert.Equal(order.Lines.Count, pushed.Count);
        Assert.All(pushed, e => Assert.Equal(Marketplaces.Webhooks.WebhookKind.Orders, e.Kind));

        Notifications.Subscriptions.Disable(seller.UserId, EbayWebhookReceiver.OrderConfirmation);
        Assert.Contains("enabled again", await app.Subscriptions.EnsureAsync(connection, CancellationToken.None));
        Assert.True(Assert.Single(sandboxHooks.List("ebay", seller.UserId)).Active);
        Assert.Equal("in order", await app.Subscriptions.EnsureAsync(connection, CancellationToken.None));

        var outcome = await app.Services.GetRequiredService<Disconnector>().DisconnectAsync(connection, TestUsers.OwnerEmail);
        Assert.False(outcome.RevokeFailed, outcome.Message);
        Assert.Empty(sandboxHooks.List("ebay", seller.UserId));
    }

    private async Task<(Guid Connection, Marketplaces.Ebay.Sandbox.EbaySandboxAccount Seller)> ConnectAsync(string name)
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "ebay", name);
        return (connection, Marketplaces.Ebay.Sandbox.EbaySandboxAccount.FromName(name));
    }
}

/// <summary>ebay.md's vectors, from eBay's own SDK tests.</summary>
public sealed class EbaySignatureTests
{
    private const string Header = "eyJhbGciOiJlY2RzYSIsImtpZCI6Ijk5MzYyNjFhLTdkN2ItNDYyMS1hMGYxLTk2Y2NiNDI4YWY0OSIsInNpZ25hdHVyZSI6Ik1FWUNJUUNmeGZJV3V4bVdjSUJRSjljNS9YN2lHREpxczJSQ0dzQkVhQWppbnlycmZBSWhBSVY2d0djVGlCdVY1S0pVaWYyaG9reXJMK1E5c3NIa2FkK214Mm5FRTI1dyIsImRpZ2VzdCI6IlNIQTEifQ==";
    private const string Body = """{"metadata":{"topic":"MARKETPLACE_ACCOUNT_DELETION","schemaVersion":"1.0","deprecated":false},"notification":{"notificationId":"49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d","eventDate":"2021-03-19T20:43:59.462Z","publishDate":"2021-03-19T20:43:59.679Z","publishAttemptCount":1,"data":{"username":"test_user","userId":"ma8vp1jySJC","eiasToken":"nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ=="}}}""";
    private const string Key = "-----BEGIN PUBLIC KEY-----MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZhhxXKtR+TOvtDbgTPCkSof02qgBB7IsYOyf76ilExJ/upAa/vKIKheOoCyOpcLmi4t0b4uepb7LLjmMr90FUg==-----END PUBLIC KEY-----";

    [Fact]
    public void The_sdk_vector_verifies_and_a_changed_body_does_not()
    {
        var header = EbaySignature.Parse(Header)!;
        Assert.Equal("9936261a-7d7b-4621-a0f1-96ccb428af49", header.KeyId);
        Assert.True(EbaySignature.Verifies(Key, Encoding.UTF8.GetBytes(Body), header.Signature));
        Assert.False(EbaySignature.Verifies(Key, Encoding.UTF8.GetBytes(Body.Replace("test_user", "test_usex")), header.Signature));
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("e30=")]
    public void An_unreadable_header_is_refused(string header) => Assert.Null(EbaySignature.Parse(header));

    [Fact]
    public void The_challenge_vector() =>
        Assert.Equal("048de9ffd0e35021fefc0388d5c52e0f475324f582f3778ca81a53354ccbbc97",
            EbaySignature.ChallengeResponse("71745723-d031-455c-bfa5-f90d11b4f20a", "71745723-d031-455c-bfa5-f90d11b4f20a", "http://www.testendpoint.com/webhook"));
}
