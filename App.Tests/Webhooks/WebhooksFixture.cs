using Marketplaces.Database;
using Marketplaces.Sandbox;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Inventory;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Webhooks;

/// <summary>
/// The app on a real port with webhooks subscribed on connect and scheduled polling stopped: whatever reaches the
/// orders list comes by a webhook (or a sync the test runs). Each test connects accounts of its own.
/// </summary>
public class WebhooksFixture : ServerAppFactory
{
    public WebhooksFixture() => With("Webhooks:Subscribe", "true");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
    }

    public ShopifyEmulator Shopify => Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single();

    public WebhookSubscriptions Subscriptions => Services.GetRequiredService<WebhookSubscriptions>();

    public string Address(string marketplace) => Subscriptions.Address(marketplace);

    public async Task<List<WebhookEvent>> EventsAsync(Guid connectionId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookEvent>().AsNoTracking().Where(e => e.ConnectionId == connectionId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<WebhookEvent>> AllEventsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<AppDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>Until the app has stored its subscriptions for the connection (after the marketplace made them).</summary>
    public static Task SubscribedAsync(IServiceProvider services, Guid connectionId, int topics = 2) => Until(async () =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookSubscription>().CountAsync(s => s.ConnectionId == connectionId) == topics;
    }, "subscribed");

    public static Task Until(Func<Task<bool>> done, string what, int seconds = 30) => InventoryFixture.Until(done, what, seconds);
}

/// <summary>Test classes that share one <see cref="WebhooksFixture"/> (an app each would cost its start-up).</summary>
[CollectionDefinition(Name)]
public sealed class WebhooksCollection : ICollectionFixture<WebhooksFixture>
{
    public const string Name = "webhooks app";
}

/// <summary>The same on PostgreSQL, where several instances may take deliveries at once.</summary>
public sealed class PostgreSqlWebhooksFixture : WebhooksFixture
{
    public PostgreSqlWebhooksFixture() => OnPostgreSql();
}
