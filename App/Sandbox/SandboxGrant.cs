using Marketplaces.Database;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Sandbox;

/// <summary>
/// Something an emulator issued (authorization code, access or refresh token, key). Stored by the SHA-256 of the
/// value, as a real authorization server would, so a database dump holds no usable token.
/// </summary>
public sealed class SandboxGrant
{
    public required string TokenHash { get; set; }
    public required string Marketplace { get; set; }
    public required string Kind { get; set; }
    public required string Data { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public T Read<T>() => JsonSerializer.Deserialize<T>(Data, SandboxGrants.Json)!;
}

internal sealed class SandboxGrantConfiguration : IEntityTypeConfiguration<SandboxGrant>
{
    public void Configure(EntityTypeBuilder<SandboxGrant> entity)
    {
        entity.ToTable("sandbox_grants");
        entity.HasKey(g => g.TokenHash);
        entity.Property(g => g.Data).IsJson();
        entity.HasIndex(g => new { g.Marketplace, g.Kind });
    }
}
