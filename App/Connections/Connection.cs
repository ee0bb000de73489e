using Marketplaces.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Connections;

/// <summary>
/// One seller account on one marketplace. Everything here is in clear and safe to show; the secrets live in
/// <see cref="ConnectionSecret"/> rows as ciphertext.
/// </summary>
public sealed class Connection
{
    public Guid Id { get; set; }
    public required string Marketplace { get; set; }
    public MarketplaceEnvironment Environment { get; set; }
    public required string AccountId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>Shop domain, store URL or region the connection was made for.</summary>
    public string? AccountParameter { get; set; }

    public List<string> Scopes { get; set; } = [];
    public ConnectionState State { get; set; }
    public string? StateReason { get; set; }

    /// <summary>The masked access token (or key) as the card shows it.</summary>
    public string? TokenPreview { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }
    public DateTimeOffset? RefreshTokenExpiresAt { get; set; }

    /// <summary>When the marketplace's authorization itself runs out (Amazon: 365 days after consent).</summary>
    public DateTimeOffset? AuthorizationExpiresAt { get; set; }

    public DateTimeOffset? LastRefreshedAt { get; set; }
    public DateTimeOffset? LastRefreshFailedAt { get; set; }
    public string? LastRefreshError { get; set; }
    public int RefreshAttempts { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public required string ConnectedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The date by which the seller must authorize again: whichever of refresh token and authorization ends first.</summary>
    public DateTimeOffset? ReauthorizeBy =>
        new[] { RefreshTokenExpiresAt, AuthorizationExpiresAt }.Where(d => d is not null).Min();
}

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> entity)
    {
        entity.ToTable("connections");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Environment).HasConversion<string>();
        entity.Property(c => c.State).HasConversion<string>();
        entity.HasIndex(c => new { c.Marketplace, c.Environment, c.AccountId }).IsUnique();
        entity.Ignore(c => c.ReauthorizeBy);
    }
}
