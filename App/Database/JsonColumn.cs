using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Database;

/// <summary>
/// Marks a text property as JSON: on PostgreSQL <c>jsonb</c>, or with <paramref name="verbatim"/> <c>json</c>, which checks
/// the syntax and keeps the text as it came (a marketplace's payload: no key reordering, and no parse into the binary
/// form and compression on every insert, which took 70 % of PostgreSQL's time in order ingest) and compressed with
/// lz4 instead of the default pglz (a payload of more than 2 KB is compressed as it is written: lz4 halved the
/// payload table's share of ingest); text on SQLite (see <see cref="ProviderConventions"/>).
/// </summary>
public static class JsonColumn
{
    public const string Annotation = "Marketplaces:Json";

    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property, bool verbatim = false) =>
        property.HasAnnotation(Annotation, verbatim ? "json" : "jsonb");
}
