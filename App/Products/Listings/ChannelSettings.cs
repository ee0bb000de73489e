using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Products.Listings;

/// <summary>What a seller chose for one connection's listings (a WooCommerce category, a Shopify status…), by the publisher's setting keys.</summary>
public sealed class ChannelSettings
{
    public Guid ConnectionId { get; set; }
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>A listing's settings: the connection's, with the product's own over them.</summary>
    public static Dictionary<string, string> Merged(IReadOnlyDictionary<string, string> general, IReadOnlyDictionary<string, string>? own)
    {
        var merged = new Dictionary<string, string>(general);
        foreach (var (key, value) in own ?? new Dictionary<string, string>()) merged[key] = value;
        return merged;
    }
}

/// <summary>One choice a publisher offers for a connection, with the values the marketplace has right now.</summary>
/// <param name="Choices">What the seller picks from; none means the seller types the value (an eBay category id).</param>
/// <param name="Default">What is used until the seller chooses.</param>
/// <param name="Reloads">Other settings' choices depend on this one (eBay's policies on the chosen site): they are read again when it changes.</param>
/// <param name="Hint">A line under the field saying what a blank or a choice does.</param>
public sealed record ChannelSetting(string Key, string Label, IReadOnlyList<ChannelChoice> Choices, string Default, bool Reloads = false, string? Hint = null)
{
    public bool Typed => Choices.Count == 0;
}

public sealed record ChannelChoice(string Value, string Label);

internal sealed class ChannelSettingsConfiguration : IEntityTypeConfiguration<ChannelSettings>
{
    public void Configure(EntityTypeBuilder<ChannelSettings> entity)
    {
        entity.ToTable("channel_settings");
        entity.HasKey(s => s.ConnectionId);
        entity.Property(s => s.Values).AsJson();
        entity.HasOne<Connection>().WithOne().HasForeignKey<ChannelSettings>(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
