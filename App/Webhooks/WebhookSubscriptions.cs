using System.Collections.Concurrent;
using Hangfire;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplaces.Webhooks;

/// <summary>
/// Keeps each connection's subscriptions as the catalog wants them (its order topics, to this app's address): made
/// after connecting, checked hourly (one the marketplace disabled is enabled again, one it removed is made again, one
/// whose secret the app no longer holds is replaced), removed on disconnect. Each change and each new failure goes into
/// the connection history.
/// </summary>
public sealed class WebhookSubscriptions(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IWebhookSubscriber> subscribers, MarketplaceCatalog catalog, ConnectionApis apis,
    PublicUrls urls, IDataProtectionProvider protection, ConnectionAudit audit, IExclusiveLocks locks, IBackgroundJobClient jobs,
    IOptions<WebhookOptions> options, TimeProvider clock, Notifier<WebhookEvent> changes)
{
    public const string Actor = "webhooks";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, IWebhookSubscriber> _subscribers = subscribers.ToDictionary(s => s.MarketplaceId, StringComparer.OrdinalIgnoreCase);
    private readonly IDataProtector _secrets = protection.CreateProtector("Marketplaces.WebhookSecrets");
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _attempted = new();

    /// <summary>Where a marketplace delivers: one address per marketplace under <c>PublicBaseUrl</c>.</summary>
    public string Address(string marketplace) => $"{urls.BaseUrl}/webhooks/{marketplace}";

    public bool Subscribes(string marketplace) =>
        options.Value.Subscribe && _subscribers.ContainsKey(marketplace) && catalog.TryGet(marketplace, out var d) && d.Webhooks?.Registration == WebhookRegistration.Api;

    public string Secret(WebhookSubscription subscription) => _secrets.Unprotect(subscription.SecretCiphertext!);

    /// <summary>Queues a subscribe job for each connected account that has no subscription yet (a new connection); how many.</summary>
    public async Task<int> ScheduleMissingAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var subscribed = db.Set<WebhookSubscription>().Select(s => s.ConnectionId);
        var missing = (await db.Set<Connection>().AsNoTracking()
                .Where(c => c.State == ConnectionState.Connected && !subscribed.Contains(c.Id)).Select(c => new { c.Id, c.Marketplace }).ToListAsync(ct))
            .Where(c => Subscribes(c.Marketplace)).ToList();
        var (now, queued) = (clock.GetUtcNow(), 0);
        foreach (var connection in missing)
        {
            var claimed = _attempted.TryGetValue(connection.Id, out var at)
                ? now - at >= RetryAfter && _attempted.TryUpdate(connection.Id, now, at)
                : _attempted.TryAdd(connection.Id, now);
            if (!claimed) continue;
            jobs.Enqueue<SubscribeWebhooksJob>(j => j.RunAsync(connection.Id, CancellationToken.None));
            queued++;
        }
        return queued;
    }

    /// <summary>Every connected account's subscriptions checked and repaired (the hourly job).</summary>
    public async Task<string> CheckAllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = (await db.Set<Connection>().AsNoTracking().Where(c => c.State == ConnectionState.Connected)
            .Select(c => new { c.Id, c.Marketplace }).ToListAsync(ct)).Where(c => Subscribes(c.Marketplace)).ToList();
        var results = new List<string>();
        foreach (var connection in connections) results.Add(await EnsureAsync(connection.Id, ct));
        return $"{connections.Count} connections checked: {string.Join("; ", results.Distinct())}";
    }

    /// <summary>Makes one connection's subscriptions what the catalog wants. What it did, in words.</summary>
    public async Task<string> EnsureAsync(Guid connectionId, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("webhook-subscriptions", connectionId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is not { State: ConnectionState.Connected } || !Subscribes(connection.Marketplace)) return "not subscribed: not connected";
        var subscriber = _subscribers[connection.Marketplace];
        var topics = catalog[connection.Marketplace].Webhooks!.OrderTopics;
        var address = Address(connection.Marketplace);
        if (connection.Environment != MarketplaceEnvironment.BuiltInSandbox && !address.StartsWith("https://", StringComparison.Ordinal))
        {
            await RecordFailureAsync(connection, $"the marketplace delivers only to a public https address, and this app's is {urls.BaseUrl}: set PublicBaseUrl. Orders are polled meanwhile", ct);
            return "not subscribed: no public https address";
        }
        var local = await db.Set<WebhookSubscription>().Where(s => s.ConnectionId == connectionId).ToListAsync(ct);
        var done = new List<string>();
        try
        {
            var api = await apis.OpenAsync(connection, Actor, ct);
            var remote = await subscriber.ListAsync(api, address, ct);
            foreach (var topic in topics)
            {
                var row = local.FirstOrDefault(s => s.Topic == topic);
                var hook = remote.FirstOrDefault(h => h.Id == row?.RemoteId) ?? remote.FirstOrDefault(h => h.Topic == topic);
                if (hook is not null && subscriber.OwnSecrets && (row is null || row.RemoteId != hook.Id))
                {
                    // Signed with a secret this app does not hold (made before its data was lost): replaced.
                    await subscriber.DeleteAsync(api, hook.Id, ct);
                    hook = null;
                }
                if (hook is null)
                {
                    var secret = subscriber.OwnSecrets ? NewSecret() : null;
                    hook = await subscriber.CreateAsync(api, topic, address, secret, ct);
                    if (row is null) db.Set<WebhookSubscription>().Add(row = new WebhookSubscription
                    {
                        ConnectionId = connectionId, Topic = topic, RemoteId = hook.Id, Address = address, CreatedAt = clock.GetUtcNow(),
                    });
                    else row.Message = $"Made again on {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {connection.DisplayName} no longer had it";
                    done.Add(row.Message is null ? $"subscribed to {topic}" : $"{topic} made again (the marketplace had removed it)");
                    row.RemoteId = hook.Id;
                    row.Address = address;
                    row.SecretCiphertext = secret is null ? null : _secrets.Protect(secret);
                }
                else if (!hook.Active)
                {
                    await subscriber.EnableAsync(api, hook, ct);
                    row!.Message = $"Enabled again on {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {connection.DisplayName} had disabled it after failed deliveries";
                    done.Add($"{topic} enabled again (the marketplace had disabled it)");
                }
                else if (row is null)
                {
                    db.Set<WebhookSubscription>().Add(row = new WebhookSubscription
                    {
                        ConnectionId = connectionId, Topic = topic, RemoteId = hook.Id, Address = address, CreatedAt = clock.GetUtcNow(),
                    });
                }
                row.CheckedAt = clock.GetUtcNow();
            }
            foreach (var stale in local.Where(s => !topics.Contains(s.Topic)))
            {
                await subscriber.DeleteAsync(api, stale.RemoteId, ct);
                db.Remove(stale);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException)
        {
            await db.SaveChangesAsync(ct);
            await RecordFailureAsync(connection, e.Message, ct);
            return $"failed: {e.Message}";
        }
        if (done.Count > 0)
            await audit.RecordAsync(connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, Actor,
                ConnectionAction.Webhooks, true, $"Webhooks: {string.Join("; ", done)}", ct);
        changes.Changed();
        return done.Count > 0 ? string.Join("; ", done) : "in order";
    }

    /// <summary>Deletes the connection's subscriptions at the marketplace and here; why one could not be deleted there, if so.</summary>
    public async Task<string?> RemoveAsync(Connection connection, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<WebhookSubscription>().Where(s => s.ConnectionId == connection.Id).ToListAsync(ct);
        if (rows.Count == 0 || !_subscribers.TryGetValue(connection.Marketplace, out var subscriber)) return null;
        string? failure = null;
        try
        {
            var api = await apis.OpenAsync(connection, Actor, ct);
            foreach (var row in rows) await subscriber.DeleteAsync(api, row.RemoteId, ct);
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException)
        {
            failure = e.Message;
        }
        await db.Set<WebhookSubscription>().Where(s => s.ConnectionId == connection.Id).ExecuteDeleteAsync(ct);
        changes.Changed();
        return failure;
    }

    /// <summary>Letters and digits only: WooCommerce HTML-decodes a secret before signing with it (woocommerce.md §7).</summary>
    private static string NewSecret() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);

    /// <summary>A failure goes into the history once, not every hour while it lasts.</summary>
    private async Task RecordFailureAsync(Connection connection, string message, CancellationToken ct)
    {
        var text = $"Webhooks could not be set up: {message}";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var last = await db.Set<ConnectionEvent>().AsNoTracking().Where(e => e.ConnectionId == connection.Id && e.Action == ConnectionAction.Webhooks)
            .OrderByDescending(e => e.Id).Select(e => e.Message).FirstOrDefaultAsync(ct);
        if (last != text)
            await audit.RecordAsync(connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, Actor,
                ConnectionAction.Webhooks, false, text, ct);
        changes.Changed();
    }
}
