using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Connections;

/// <summary>One secret of a connection (access token, refresh token, consumer secret, webservice key) as ciphertext.</summary>
public sealed class ConnectionSecret
{
    public Guid ConnectionId { get; set; }
    public required string Kind { get; set; }
    public required string Ciphertext { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ConnectionSecretConfiguration : IEntityTypeConfiguration<ConnectionSecret>
{
    public void Configure(EntityTypeBuilder<ConnectionSecret> entity)
    {
        entity.ToTable("connection_secrets");
        entity.HasKey(s => new { s.ConnectionId, s.Kind });
        entity.HasOne<Connection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
