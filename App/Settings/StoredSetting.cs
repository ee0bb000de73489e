using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Settings;

/// <summary>A setting kept in the database; secret values are stored as DataProtection ciphertext.</summary>
public sealed class StoredSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public bool IsProtected { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StoredSettingConfiguration : IEntityTypeConfiguration<StoredSetting>
{
    public void Configure(EntityTypeBuilder<StoredSetting> entity)
    {
        entity.ToTable("app_settings");
        entity.HasKey(s => s.Key);
    }
}
