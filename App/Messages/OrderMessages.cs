using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Messages;

/// <summary>The order page's messages to the buyer: what the marketplace allows now, and sending one, recorded in the order's history.</summary>
public sealed class OrderMessages(IDbContextFactory<AppDbContext> contexts, IEnumerable<IOrderMessaging> adapters, ConnectionApis apis, TimeProvider clock)
{
    private readonly Dictionary<string, IOrderMessaging> _adapters = adapters.ToDictionary(a => a.MarketplaceId, StringComparer.OrdinalIgnoreCase);

    public bool Offers(string marketplace) => _adapters.ContainsKey(marketplace);

    /// <returns>The templates, or why they could not be read.</returns>
    public async Task<(IReadOnlyList<OrderMessageTemplate> Templates, string? Problem)> TemplatesAsync(Guid orderId, string actor, CancellationToken ct = default)
    {
        try
        {
            var (adapter, api, order) = await OpenAsync(orderId, actor, ct);
            return (await adapter.TemplatesAsync(api, order, ct), null);
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException or InvalidOperationException)
        {
            return ([], e.Message);
        }
    }

    /// <returns>Null when sent; otherwise what to tell the seller.</returns>
    public async Task<string?> SendAsync(Guid orderId, OrderMessageTemplate template, string? text, string actor, CancellationToken ct = default)
    {
        if (template.NeedsAttachment) return $"\"{template.Label}\" needs a file attached, which this app cannot send yet: send it from the marketplace.";
        var body = text?.Trim();
        if (template.MaxText is { } max)
        {
            if (string.IsNullOrEmpty(body)) return "Write the message first.";
            if (body.Length > max) return $"\"{template.Label}\" takes at most {max} characters; this one is {body.Length}.";
        }
        try
        {
            var (adapter, api, order) = await OpenAsync(orderId, actor, ct);
            await adapter.SendAsync(api, order, template, body, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.Add(new OrderEvent { OrderId = orderId, At = clock.GetUtcNow(), Kind = OrderEventKind.MessageSent, Actor = actor, Message = $"Message sent to the buyer: {template.Label}" });
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    private async Task<(IOrderMessaging Adapter, ConnectionApi Api, Order Order)> OpenAsync(Guid orderId, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct)
                    ?? throw new InvalidOperationException("The order is no longer here.");
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == order.ConnectionId, ct);
        if (connection.State != ConnectionState.Connected) throw new InvalidOperationException($"{connection.DisplayName} needs to be connected again first.");
        if (!_adapters.TryGetValue(order.Marketplace, out var adapter)) throw new InvalidOperationException("This marketplace takes no messages from here.");
        return (adapter, await apis.OpenAsync(connection, actor, ct), order);
    }
}
