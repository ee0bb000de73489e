using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Webhooks;

/// <summary>
/// A subscription the app made at a marketplace for one connection and topic: the marketplace's id for it and, where
/// the marketplace signs with a secret of the subscription's own (WooCommerce), that secret as ciphertext.
/// </summary>
public sealed class WebhookSubscription
{
    public long Id { get; set; }
    public Guid ConnectionId { get; set; }
    public required string Topic { get; set; }
    public required string RemoteId { get; set; }
    public required string Address { get; set; }
    public string? SecretCiphertext { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>What the last check found or did, when it was not simply "active" (re-created, re-enabled, refused).</summary>
    public string? Message { get; set; }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> entity)
    {
        entity.ToTable("webhook_subscriptions");
        entity.HasKey(s => s.Id);
        entity.HasIndex(s => new { s.ConnectionId, s.Topic }).IsUnique();
        entity.HasOne<Connection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
