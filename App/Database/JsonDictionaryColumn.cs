using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Database;

/// <summary>A string-to-string dictionary kept as one JSON text column (channel settings, a listing's own settings), compared by content.</summary>
public static class JsonDictionaryColumn
{
    public static PropertyBuilder<Dictionary<string, string>> AsJson(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v)));
}
