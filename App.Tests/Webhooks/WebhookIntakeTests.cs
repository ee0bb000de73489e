using System.Text;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Webhooks;

namespace Marketplaces.Tests.Webhooks;

/// <summary>The intake's storing, on each provider: retries arriving together with their first delivery are stored once.</summary>
public abstract class WebhookIntakeTests(WebhooksFixture app)
{
    [Fact]
    public async Task Deliveries_and_their_retries_arriving_together_are_each_stored_once_and_all_processed()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "shopify", "hooks-burst");
        var shop = SandboxAccounts.ShopOf("hooks-burst");
        var secret = await app.Shopify.Webhooks.SecretAsync(CancellationToken.None);
        var deliveries = Enumerable.Range(0, 50).Select(i => (Id: Guid.NewGuid().ToString(), Body: Encoding.UTF8.GetBytes($$"""{"id":{{5_300_000_000_000L + i}}}"""))).ToList();
        var sends = deliveries.SelectMany(d => Enumerable.Repeat(d, 4)).OrderBy(_ => Random.Shared.Next()).ToList();

        var answers = await Task.WhenAll(sends.Select(d => app.Shopify.Webhooks.SendAsync(shop, app.Address("shopify"), "orders/updated", d.Body, secret, d.Id)));

        Assert.All(answers, a => Assert.Equal(200, a));
        var stored = await app.EventsAsync(connection);
        Assert.Equal(deliveries.Select(d => d.Id).Order(), stored.Select(e => e.DeliveryId).Order());
        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).All(e => e.ProcessedAt is not null && !e.Failed), "processed");
    }
}

public sealed class WebhookIntakeTestsOnSqlite(WebhooksFixture app) : WebhookIntakeTests(app), IClassFixture<WebhooksFixture>;

public sealed class WebhookIntakeTestsOnPostgreSql(PostgreSqlWebhooksFixture app) : WebhookIntakeTests(app), IClassFixture<PostgreSqlWebhooksFixture>;
