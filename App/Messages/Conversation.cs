using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Messages;

/// <summary>One conversation with a buyer on one connection, as the marketplace last listed it. Buyer data: shown only to signed-in users, never logged.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }
    public Guid ConnectionId { get; set; }
    public required string Marketplace { get; set; }
    public required string ExternalId { get; set; }
    public required string Title { get; set; }

    /// <summary>The buyer's username at the marketplace.</summary>
    public string? OtherParty { get; set; }

    /// <summary>The listing (or order) the conversation is about, as the marketplace names it.</summary>
    public string? ReferenceId { get; set; }

    public int UnreadCount { get; set; }
    public DateTimeOffset LatestAt { get; set; }
    public string? LatestMessageId { get; set; }
    public string? LatestText { get; set; }
    public List<ConversationMessage> Messages { get; set; } = [];
}

public sealed class ConversationMessage
{
    public long Id { get; set; }
    public Guid ConversationId { get; set; }
    public required string ExternalId { get; set; }
    public required string Sender { get; set; }
    public required string Body { get; set; }
    public string? Subject { get; set; }
    public DateTimeOffset SentAt { get; set; }

    /// <summary>Sent by the seller (from here or at the marketplace), not by the buyer.</summary>
    public bool FromSeller { get; set; }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> entity)
    {
        entity.ToTable("conversations");
        entity.HasKey(c => c.Id);
        entity.HasIndex(c => new { c.ConnectionId, c.ExternalId }).IsUnique();
        entity.HasIndex(c => c.LatestAt);
        entity.HasOne<Connection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> entity)
    {
        entity.ToTable("conversation_messages");
        entity.HasKey(m => m.Id);
        entity.HasIndex(m => new { m.ConversationId, m.ExternalId }).IsUnique();
    }
}
