using System.Net;
using System.Text;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Sandbox.Webhooks;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.WooCommerce.Orders;
using Marketplaces.Webhooks;
using Marketplaces.WooCommerce.Sandbox.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Webhooks;

public sealed class WooCommerceWebhookTests(WebhooksFixture app) : IClassFixture<WebhooksFixture>
{
    private SandboxWebhooks Hooks => app.Services.GetRequiredService<SandboxWebhooks>();

    private WooCommerceSandboxWebhooks Deliveries => WooCommerceStores.Emulator(app).Webhooks;

    private async Task<(WooCommerceStores.Store Store, IReadOnlyList<SandboxWebhook> Hooks)> ConnectAsync(string site)
    {
        var store = await WooCommerceStores.ConnectAsync(app, site);
        await WebhooksFixture.SubscribedAsync(app.Services, store.Connection);
        return (store, Hooks.List(WooCommerceSandboxWebhooks.Marketplace, site));
    }

    [Fact]
    public async Task Connecting_creates_a_webhook_per_order_topic_with_a_secret_of_its_own_and_disconnecting_deletes_them()
    {
        var (store, hooks) = await ConnectAsync("hookssubscribe");

        Assert.Equal(["order.created", "order.updated"], hooks.Select(h => h.Topic).Order());
        Assert.All(hooks, h => Assert.Equal(app.Address("woocommerce"), h.Address));
        Assert.All(hooks, h => Assert.Matches("^[A-Za-z0-9]{40}$", h.Secret));
        Assert.NotEqual(hooks[0].Secret, hooks[1].Secret);
        // The activation ping was answered 200 and stored nothing.
        Assert.Empty(await app.EventsAsync(store.Connection));

        await app.Services.GetRequiredService<Disconnector>().DisconnectAsync(store.Connection, TestUsers.OwnerEmail);

        Assert.Empty(Hooks.List(WooCommerceSandboxWebhooks.Marketplace, "hookssubscribe"));
    }

    [Fact]
    public async Task An_order_placed_reaches_the_orders_list_by_webhook()
    {
        var (store, _) = await ConnectAsync("hooksorders");

        var order = store.Site.Book.Add();

        await WebhooksFixture.Until(async () =>
        {
            await using var db = await app.DbAsync();
            return await db.Set<Order>().AnyAsync(o => o.ConnectionId == store.Connection && o.ExternalId == order.Id);
        }, "in the orders list", seconds: 10);
        Assert.Contains(await app.EventsAsync(store.Connection), e => e.Topic == "order.created" && e.Kind == WebhookKind.Orders);
        Assert.Contains(Hooks.Deliveries(WooCommerceSandboxWebhooks.Marketplace), d => d.Topic == "order.created" && d.Status == 200);
    }

    [Fact]
    public async Task The_same_body_delivered_twice_is_stored_once_and_a_forged_one_not_at_all()
    {
        var (store, hooks) = await ConnectAsync("hookstwice");
        var hook = hooks.Single(h => h.Topic == "order.updated");
        var body = WooCommerceSandboxWebhooks.PhpJson(new { id = 727, status = "processing", permalink = "https://shop.example/?p=727" });

        Assert.Equal(200, await Deliveries.DeliverAsync("hookstwice", hook, body, hook.Secret!));
        Assert.Equal(200, await Deliveries.DeliverAsync("hookstwice", hook, body, hook.Secret!));
        Assert.Equal(401, await Deliveries.DeliverAsync("hookstwice", hook, Encoding.UTF8.GetBytes("""{"id":728}"""), "forged-secret"));

        var events = await app.EventsAsync(store.Connection);
        Assert.Single(events);
        Assert.StartsWith($"{hook.Id}:", events[0].DeliveryId);
    }

    [Fact]
    public async Task A_delivery_for_a_webhook_this_app_did_not_make_is_refused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, app.Address("woocommerce")) { Content = new StringContent("""{"id":1}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-WC-Webhook-Signature", "AAAA");
        request.Headers.Add("X-WC-Webhook-ID", "424242");
        request.Headers.Add("X-WC-Webhook-Topic", "order.updated");
        request.Headers.Add("X-WC-Webhook-Source", "https://elsewhere.example/");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_webhook_woocommerce_disabled_after_failed_deliveries_is_enabled_again_by_the_check()
    {
        var (store, hooks) = await ConnectAsync("hooksdisabled");
        var hook = hooks.Single(h => h.Topic == "order.created");
        // More than five failures in a row (the app refuses a wrong signature) and WooCommerce disables the webhook.
        for (var i = 0; i <= WooCommerceSandboxWebhooks.MaxFailures + 1; i++)
            await Deliveries.DeliverAsync("hooksdisabled", hook, Encoding.UTF8.GetBytes("{}"), "wrong");
        Assert.False(hook.Active);

        var result = await app.Subscriptions.EnsureAsync(store.Connection, CancellationToken.None);

        Assert.Contains("order.created enabled again", result);
        Assert.True(hook.Active);
        Assert.Equal(0, hook.Failures);
        await using var db = await app.DbAsync();
        Assert.Contains(await db.Set<ConnectionEvent>().Where(e => e.ConnectionId == store.Connection && e.Action == ConnectionAction.Webhooks).Select(e => e.Message).ToListAsync(),
            m => m.Contains("enabled again"));
    }

    [Fact]
    public async Task A_webhook_deleted_at_the_store_is_made_again_with_a_new_secret()
    {
        var (store, hooks) = await ConnectAsync("hooksdeleted");
        var deleted = hooks.Single(h => h.Topic == "order.updated");
        Hooks.Remove(WooCommerceSandboxWebhooks.Marketplace, "hooksdeleted", deleted.Id);

        await app.Subscriptions.EnsureAsync(store.Connection, CancellationToken.None);

        var made = Hooks.List(WooCommerceSandboxWebhooks.Marketplace, "hooksdeleted").Single(h => h.Topic == "order.updated");
        Assert.NotEqual(deleted.Id, made.Id);
        Assert.Equal(200, await Deliveries.DeliverAsync("hooksdeleted", made, Encoding.UTF8.GetBytes("""{"id":9}"""), made.Secret!));
    }
}
