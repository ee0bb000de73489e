using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Database;

/// <summary>A dictionary by string kept as one JSON text column (channel settings, a listing's quantities by SKU), compared by content.</summary>
public static class JsonDictionaryColumn
{
    public static PropertyBuilder<Dictionary<string, TValue>> AsJson<TValue>(this PropertyBuilder<Dictionary<string, TValue>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<Dictionary<string, TValue>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, TValue>(),
            new ValueComparer<Dictionary<string, TValue>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, TValue>(v)));
}
