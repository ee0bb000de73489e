using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.Messages;

/// <summary>A message the marketplace lets the seller send about an order (Amazon's templates).</summary>
/// <param name="MaxText">The longest text it takes; null when it takes none.</param>
/// <param name="NeedsAttachment">It must carry a file, which this app does not upload yet.</param>
public sealed record OrderMessageTemplate(string Name, string Label, int? MaxText, bool NeedsAttachment);

/// <summary>
/// Marketplaces that cannot read buyers' messages but let the seller send set messages about an order (Amazon's
/// Messaging API). Found by reflection.
/// </summary>
public interface IOrderMessaging : IMarketplaceAdapter
{
    /// <summary>The messages the marketplace allows for this order now.</summary>
    Task<IReadOnlyList<OrderMessageTemplate>> TemplatesAsync(ConnectionApi api, Order order, CancellationToken ct);

    Task SendAsync(ConnectionApi api, Order order, OrderMessageTemplate template, string? text, CancellationToken ct);
}
