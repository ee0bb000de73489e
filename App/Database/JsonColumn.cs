using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Database;

/// <summary>Marks a text property as JSON: <c>jsonb</c> on PostgreSQL, text on SQLite (see <see cref="ProviderConventions"/>).</summary>
public static class JsonColumn
{
    public const string Annotation = "Marketplaces:Json";

    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);
}
