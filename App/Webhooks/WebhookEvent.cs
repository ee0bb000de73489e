using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Webhooks;

/// <summary>What a delivery asks the app to do once it is processed.</summary>
public enum WebhookKind
{
    /// <summary>An order was created or changed: the connection's order feeds run now.</summary>
    Orders,

    /// <summary>Shopify <c>customers/data_request</c>: what the app holds on one buyer, exported.</summary>
    CustomerDataRequest,

    /// <summary>Shopify <c>customers/redact</c>: one buyer's data erased from the orders named.</summary>
    CustomerRedact,

    /// <summary>Shopify <c>shop/redact</c>: every order of the shop erased.</summary>
    ShopRedact,

    /// <summary>eBay <c>MARKETPLACE_ACCOUNT_DELETION</c>: what the app holds on that eBay user erased, across eBay accounts.</summary>
    AccountDeletion,

    /// <summary>The seller took the app's authorization back at the marketplace (TikTok <c>authorization.removed</c>).</summary>
    GrantRemoved,

    /// <summary>A TikTok post's progress (<c>post.publish.*</c>): finishes an upload's status before the next poll.</summary>
    PublishStatus,

    /// <summary>
    /// A supplier order's status changed (AliExpress <c>DROPSHIPPER_ORDER_STATUS_UPDATE</c>): a hint only, its signing
    /// undocumented, so the order is read again from the supplier rather than taken from the push.
    /// </summary>
    SupplierOrderStatus,

    /// <summary>A verified delivery of a topic the app does not act on; kept as "last event".</summary>
    Other,
}

/// <summary>
/// One verified delivery, stored before it is answered and processed by <see cref="ProcessWebhooksJob"/>.
/// (<see cref="Marketplace"/>, <see cref="DeliveryId"/>) is unique: a marketplace's retry of a delivery stored once is
/// answered and not stored again. The body is kept only until processing, which may need it (privacy requests).
/// </summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }
    public required string Marketplace { get; set; }
    public Guid? ConnectionId { get; set; }
    public required string DeliveryId { get; set; }
    public required string Topic { get; set; }
    public WebhookKind Kind { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public bool Failed { get; set; }

    /// <summary>What processing did, in words (no buyer data).</summary>
    public string? Outcome { get; set; }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> entity)
    {
        entity.ToTable("webhook_events");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Kind).HasConversion<string>();
        entity.Property(e => e.DeliveryId).HasMaxLength(200);
        entity.Property(e => e.Topic).HasMaxLength(200);
        entity.HasIndex(e => new { e.Marketplace, e.DeliveryId }).IsUnique();
        entity.HasIndex(e => e.ProcessedAt);
        entity.HasIndex(e => new { e.ConnectionId, e.ReceivedAt });
        entity.HasOne<Connection>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.SetNull);
    }
}
