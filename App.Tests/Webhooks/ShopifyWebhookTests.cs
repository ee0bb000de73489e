using System.Net;
using System.Text;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Webhooks;

public sealed class ShopifyWebhookTests(WebhooksFixture app) : IClassFixture<WebhooksFixture>
{
    private async Task<(Guid Connection, string Shop)> ConnectAsync(string account)
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "shopify", account);
        var shop = SandboxAccounts.ShopOf(account);
        await WebhooksFixture.SubscribedAsync(app.Services, connection);
        return (connection, shop);
    }

    private async Task<string> SecretAsync() => await app.Shopify.Webhooks.SecretAsync(CancellationToken.None);

    [Fact]
    public async Task Connecting_subscribes_to_order_topics_at_the_apps_address_and_disconnecting_removes_them()
    {
        var (connection, shop) = await ConnectAsync("hooks-subscribe");

        var hooks = app.Shopify.Webhooks.List(shop).ToList();
        Assert.Equal(["ORDERS_CREATE", "ORDERS_UPDATED"], hooks.Select(h => h.Topic).Order());
        Assert.All(hooks, h => Assert.Equal(app.Address("shopify"), h.Address));
        await using (var db = await app.DbAsync())
            Assert.Equal(2, await db.Set<WebhookSubscription>().CountAsync(s => s.ConnectionId == connection));

        var outcome = await app.Services.GetRequiredService<Disconnector>().DisconnectAsync(connection, TestUsers.OwnerEmail);

        Assert.False(outcome.RevokeFailed, outcome.Message);
        Assert.Empty(app.Shopify.Webhooks.List(shop));
        await using (var db = await app.DbAsync())
            Assert.Equal(0, await db.Set<WebhookSubscription>().CountAsync(s => s.ConnectionId == connection));
    }

    [Fact]
    public async Task An_order_placed_reaches_the_orders_list_by_webhook_without_a_poll()
    {
        var (connection, shop) = await ConnectAsync("hooks-orders");

        var order = app.Shopify.Book(shop).Add();

        await WebhooksFixture.Until(async () =>
        {
            await using var db = await app.DbAsync();
            return await db.Set<Order>().AnyAsync(o => o.ConnectionId == connection && o.ExternalId == order.Id);
        }, "in the orders list", seconds: 10);
        var events = await app.EventsAsync(connection);
        var created = Assert.Single(events, e => e.Topic == "orders/create");
        Assert.Equal(WebhookKind.Orders, created.Kind);
        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).All(e => e.ProcessedAt is not null), "processed");
        var processed = (await app.EventsAsync(connection)).Single(e => e.Id == created.Id);
        Assert.False(processed.Failed, processed.Outcome);
        Assert.Null(processed.Body);
    }

    [Fact]
    public async Task A_delivery_sent_twice_is_stored_and_processed_once()
    {
        var (connection, shop) = await ConnectAsync("hooks-twice");
        var body = Encoding.UTF8.GetBytes("""{"id":5100000000999,"name":"#9999"}""");
        var webhookId = Guid.NewGuid().ToString();

        var first = await app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "orders/updated", body, await SecretAsync(), webhookId);
        var second = await app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "orders/updated", body, await SecretAsync(), webhookId);

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        Assert.Single(await app.EventsAsync(connection), e => e.DeliveryId == webhookId);
    }

    [Fact]
    public async Task Within_an_hour_of_a_client_secret_rotation_deliveries_signed_with_the_old_secret_still_verify()
    {
        var store = app.Services.GetRequiredService<AppCredentialStore>();
        await store.SaveAsync("shopify", MarketplaceEnvironment.Production, "clientSecret", "secret-before-rotation");
        await store.SaveAsync("shopify", MarketplaceEnvironment.Production, "clientSecret", "secret-after-rotation");
        const string shop = "rotating-shop.myshopify.com";
        var body = Encoding.UTF8.GetBytes($$$"""{"shop_id":2,"shop_domain":"{{{shop}}}"}""");
        Task<int?> SignedWithAsync(string secret) => app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "shop/redact", body, secret, Guid.NewGuid().ToString());

        Assert.Equal(200, await SignedWithAsync("secret-after-rotation"));
        Assert.Equal(200, await SignedWithAsync("secret-before-rotation"));
        Assert.Equal(401, await SignedWithAsync("never-the-secret"));

        await using (var db = await app.DbAsync())
        {
            var replaced = await db.Settings.SingleAsync(s => s.Key == "credential:shopify:Production:clientSecret:previous");
            replaced.UpdatedAt = DateTimeOffset.UtcNow - AppCredentialStore.PreviousSecretLasts - TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync();
        }
        Assert.Equal(401, await SignedWithAsync("secret-before-rotation"));
        Assert.Equal(200, await SignedWithAsync("secret-after-rotation"));
    }

    [Fact]
    public async Task A_forged_delivery_is_refused_with_401_and_nothing_is_stored_or_done()
    {
        var (connection, shop) = await ConnectAsync("hooks-forged");
        var webhookId = Guid.NewGuid().ToString();
        var body = Encoding.UTF8.GetBytes("""{"shop_id":1,"shop_domain":"hooks-forged.myshopify.com"}""");
        await app.Services.GetRequiredService<FeedEngine>().SyncConnectionAsync(connection, "test");
        int Orders()
        {
            using var db = app.DbAsync().Result;
            return db.Set<Order>().Count(o => o.ConnectionId == connection);
        }
        var before = Orders();
        Assert.True(before > 0);

        var forged = await app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "shop/redact", body, "not-the-app-secret", webhookId);
        var tampered = await SendRawAsync(shop, "shop/redact", body, Base64HmacSignature.Compute(await SecretAsync(), Encoding.UTF8.GetBytes("{}")));

        Assert.Equal(401, forged);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered);
        Assert.DoesNotContain(await app.AllEventsAsync(), e => e.DeliveryId == webhookId);
        await Task.Delay(1500);
        Assert.Equal(before, Orders());
        Assert.Equal(2, app.Services.GetRequiredService<WebhookRefusals>().For(connection)?.Count);
    }

    [Fact]
    public async Task A_delivery_without_one_of_shopifys_headers_is_refused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, app.Address("shopify")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Shop-Domain", "hooks-none.myshopify.com");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Shopify-Hmac-Sha256", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_subscription_shopify_removed_after_failed_deliveries_is_made_again_by_the_check()
    {
        var (connection, shop) = await ConnectAsync("hooks-removed");
        var hook = app.Shopify.Webhooks.List(shop).Single(h => h.Topic == "ORDERS_CREATE");
        var body = Encoding.UTF8.GetBytes("{}");
        // Deliveries the app cannot take (it refuses a wrong signature) until Shopify gives the subscription up.
        for (var i = 0; i < ShopifySandboxWebhooks.FailuresBeforeRemoval; i++) await app.Shopify.Webhooks.DeliverAsync(shop, hook, body, "wrong");
        Assert.DoesNotContain(app.Shopify.Webhooks.List(shop), h => h.Topic == "ORDERS_CREATE");

        var result = await app.Subscriptions.EnsureAsync(connection, CancellationToken.None);

        Assert.Contains("ORDERS_CREATE made again", result);
        Assert.Contains(app.Shopify.Webhooks.List(shop), h => h.Topic == "ORDERS_CREATE" && h.Address == app.Address("shopify"));
        var state = (await app.Services.GetRequiredService<WebhookStates>().ListAsync()).Single(s => s.ConnectionId == connection);
        Assert.Contains("no longer had it", state.Problem);
        Assert.Equal("in order", await app.Subscriptions.EnsureAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task Customers_redact_erases_the_buyer_from_the_named_orders_only()
    {
        var (connection, shop) = await ConnectAsync("hooks-redact");
        await app.Services.GetRequiredService<FeedEngine>().SyncConnectionAsync(connection, "test");
        List<Order> orders;
        await using (var db = await app.DbAsync()) orders = await db.Set<Order>().Where(o => o.ConnectionId == connection).OrderBy(o => o.ExternalId).ToListAsync();
        Assert.True(orders.Count >= 2);
        var (redacted, kept) = (orders[0], orders[1]);
        Assert.NotNull(redacted.BuyerName);
        var body = Encoding.UTF8.GetBytes($$"""{"shop_id":1,"shop_domain":"{{shop}}","customer":{"id":1,"email":"buyer@example.com","phone":null},"orders_to_redact":[{{redacted.ExternalId}}]}""");

        Assert.Equal(200, await app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "customers/redact", body, await SecretAsync()));

        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).Any(e => e.Topic == "customers/redact" && e.ProcessedAt is not null), "processed");
        await using (var db = await app.DbAsync())
        {
            var after = await db.Set<Order>().Where(o => o.ConnectionId == connection).ToDictionaryAsync(o => o.Id);
            Assert.Null(after[redacted.Id].BuyerName);
            Assert.Null(after[redacted.Id].ShipTo);
            Assert.Equal("{}", after[redacted.Id].RawPayload);
            Assert.DoesNotContain(redacted.BuyerName!.ToLowerInvariant(), after[redacted.Id].SearchText);
            Assert.Equal(kept.BuyerName, after[kept.Id].BuyerName);
            Assert.Equal(kept.RawPayload, after[kept.Id].RawPayload);
            Assert.Contains(await db.Set<ConnectionEvent>().Where(e => e.ConnectionId == connection && e.Action == ConnectionAction.Privacy).Select(e => e.Message).ToListAsync(),
                m => m.Contains("customers/redact") && m.Contains("1 order"));
        }
    }

    [Fact]
    public async Task Shop_redact_deletes_that_shops_orders_and_no_other()
    {
        var (connection, shop) = await ConnectAsync("hooks-shop-redact");
        var (other, _) = await ConnectAsync("hooks-other-shop");
        var engine = app.Services.GetRequiredService<FeedEngine>();
        await engine.SyncConnectionAsync(connection, "test");
        await engine.SyncConnectionAsync(other, "test");
        var body = Encoding.UTF8.GetBytes($$"""{"shop_id":954889,"shop_domain":"{{shop}}"}""");

        Assert.Equal(200, await app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "shop/redact", body, await SecretAsync()));

        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).Any(e => e.Topic == "shop/redact" && e.ProcessedAt is not null), "processed");
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Set<Order>().CountAsync(o => o.ConnectionId == connection));
        Assert.True(await db.Set<Order>().CountAsync(o => o.ConnectionId == other) > 0);
    }

    [Fact]
    public async Task A_customer_data_request_exports_the_named_orders_for_the_owner()
    {
        var (connection, shop) = await ConnectAsync("hooks-data-request");
        await app.Services.GetRequiredService<FeedEngine>().SyncConnectionAsync(connection, "test");
        Order order;
        await using (var db = await app.DbAsync()) order = await db.Set<Order>().Where(o => o.ConnectionId == connection).OrderBy(o => o.ExternalId).FirstAsync();
        var body = Encoding.UTF8.GetBytes($$$"""{"shop_id":1,"shop_domain":"{{{shop}}}","orders_requested":[{{{order.ExternalId}}}],"customer":{"id":7,"email":"b@example.com","phone":null},"data_request":{"id":9999}}""");

        Assert.Equal(200, await app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "customers/data_request", body, await SecretAsync()));

        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).Any(e => e.Topic == "customers/data_request" && e.ProcessedAt is not null), "processed");
        var export = await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, "exports", "shopify-data-request-9999.json"));
        Assert.Contains(order.OrderNumber, export);
        Assert.Contains(order.BuyerName!, export);
    }

    private async Task<HttpStatusCode> SendRawAsync(string shop, string topic, byte[] body, string signature)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, app.Address("shopify")) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
        request.Headers.Add("X-Shopify-Shop-Domain", shop);
        request.Headers.Add("X-Shopify-API-Version", "2026-10");
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
