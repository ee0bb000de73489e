using Marketplaces.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Connections;

/// <summary>
/// A connect flow in progress: the state (stored as its hash), who started it and in which browser, and the PKCE
/// verifier (encrypted). Single use and valid 15 minutes.
/// </summary>
public sealed class PendingAuthorization
{
    public required string StateHash { get; set; }
    public required string Marketplace { get; set; }
    public MarketplaceEnvironment Environment { get; set; }
    public string? AccountParameter { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>Hash of a random value kept in an HttpOnly cookie of the browser that started the flow.</summary>
    public required string BindingHash { get; set; }

    public string? CodeVerifierCiphertext { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class PendingAuthorizationConfiguration : IEntityTypeConfiguration<PendingAuthorization>
{
    public void Configure(EntityTypeBuilder<PendingAuthorization> entity)
    {
        entity.ToTable("pending_authorizations");
        entity.HasKey(p => p.StateHash);
        entity.Property(p => p.Environment).HasConversion<string>();
    }
}
