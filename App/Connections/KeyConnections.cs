using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// Connects key-based marketplaces (WooCommerce, PrestaShop): the keys are checked with a real call first, and a
/// wrong key says so and saves nothing.
/// </summary>
public sealed class KeyConnections(
    MarketplaceTargets targets, IEnumerable<IKeyConnector> connectors, ConnectionStore connections, ConnectionAudit audit)
{
    public IKeyConnector ConnectorFor(string marketplaceId) =>
        connectors.SingleOrDefault(c => c.MarketplaceId == marketplaceId)
        ?? throw new InvalidOperationException($"{marketplaceId} has no key connector");

    public async Task<ConnectOutcome> ConnectAsync(string marketplaceId, MarketplaceEnvironment environment, string? store,
        IReadOnlyDictionary<string, string> keys, string actor, CancellationToken ct = default)
    {
        MarketplaceTarget? target = null;
        try
        {
            target = await targets.ResolveAsync(marketplaceId, environment, store, ct);
            var connector = ConnectorFor(marketplaceId);
            var missing = connector.Fields.Where(f => string.IsNullOrWhiteSpace(keys.GetValueOrDefault(f.Kind))).Select(f => f.Label).ToList();
            if (missing.Count > 0) return await FailAsync(marketplaceId, environment, store, actor, $"Enter the {string.Join(" and ", missing)}.", ct);
            var trimmed = connector.Fields.ToDictionary(f => f.Kind, f => keys[f.Kind].Trim());
            var identity = await connector.VerifyAsync(target, trimmed, ct);
            var connection = await connections.SaveAsync(target, identity, trimmed, connector.Fields[0].Kind, null, actor, ct);
            return ConnectOutcome.Success(connection.Id, $"Connected {identity.DisplayName}");
        }
        catch (InvalidAccountParameterException e)
        {
            return await FailAsync(marketplaceId, environment, store, actor, e.Message, ct);
        }
        catch (MarketplaceException e)
        {
            var name = target?.Marketplace.Name ?? marketplaceId;
            var message = e.Kind is MarketplaceErrorKind.Rejected or MarketplaceErrorKind.ReauthorizationRequired
                ? $"{name} did not accept these keys: {e.Message}"
                : $"{name} could not be checked: {e.Message}";
            return await FailAsync(marketplaceId, environment, store, actor, message, ct);
        }
    }

    private async Task<ConnectOutcome> FailAsync(string marketplaceId, MarketplaceEnvironment environment, string? store, string actor, string message, CancellationToken ct)
    {
        var entry = await audit.RecordAsync(marketplaceId, environment, null, store, actor, ConnectionAction.Connect, false, message, ct);
        return ConnectOutcome.Failure(entry.Id, message);
    }
}

/// <summary>How a connect attempt ended, with the audit entry the card shows.</summary>
public sealed record ConnectOutcome(bool Succeeded, Guid? ConnectionId, long? EventId, string Message)
{
    public static ConnectOutcome Success(Guid connectionId, string message) => new(true, connectionId, null, message);
    public static ConnectOutcome Failure(long eventId, string message) => new(false, null, eventId, message);
}
