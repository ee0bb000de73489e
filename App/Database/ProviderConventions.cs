using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Marketplaces.Database;

/// <summary>
/// What differs between the providers is column types, applied here to the one model. PostgreSQL: <c>jsonb</c>,
/// native arrays, identity columns. SQLite: times as UTC ticks and money as ten-thousandths, both integers, because
/// SQLite keeps <see cref="DateTimeOffset"/> and <see cref="decimal"/> as text, which neither orders, compares nor
/// sums right; arrays as JSON text.
/// </summary>
internal static class ProviderConventions
{
    /// <summary>Money on SQLite: exact to four decimals (no currency has more than three).</summary>
    public const decimal MoneyScale = 10_000m;

    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<decimal, long> TenThousandths = new(
        v => (long)decimal.Round(v * MoneyScale, MidpointRounding.AwayFromZero), v => v / MoneyScale);

    public static void Apply(ModelBuilder builder, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql) builder.HasPostgresExtension("pg_trgm");
        else DropPostgreSqlIndexFeatures(builder.Model);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                if (property.FindAnnotation(JsonColumn.Annotation)?.Value is string json)
                {
                    property.SetColumnType(json);
                    if (json == "json") property.SetCompressionMethod("lz4");
                }
                if (property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long) && property.IsPrimaryKey())
                    property.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);
                continue;
            }
            if (property.GetValueConverter() is not null) continue;
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(DateTimeOffset)) property.SetValueConverter(UtcTicks);
            else if (type == typeof(decimal)) property.SetValueConverter(TenThousandths);
            else if (type == typeof(DateTimeOffset[])) AsJson<DateTimeOffset[]>(property);
            else if (type == typeof(int[])) AsJson<int[]>(property);
            else if (type == typeof(List<string>)) AsJson<List<string>>(property);
        }
    }

    /// <summary>A trigram (GIN) index serves PostgreSQL's substring search; SQLite's LIKE scans, so it would only slow
    /// writes there. SQLite has no covering columns (INCLUDE): they become trailing key columns, so that what they
    /// cover is still answered from the index alone.</summary>
    private static void DropPostgreSqlIndexFeatures(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var index in entity.GetIndexes().Where(i => i.GetMethod() is not null).ToList()) entity.RemoveIndex(index);
            foreach (var index in entity.GetIndexes().Where(i => i.GetIncludeProperties() is { Count: > 0 }).ToList())
            {
                var covered = index.Properties.Concat(index.GetIncludeProperties()!.Select(n => entity.FindProperty(n)!)).ToList();
                var name = index.GetDatabaseName();
                entity.RemoveIndex(index);
                entity.AddIndex(covered).SetDatabaseName(name);
            }
        }
    }

    private static void AsJson<T>(IMutableProperty property) where T : class
    {
        property.SetValueConverter(new ValueConverter<T, string>(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Default)!));
        property.SetValueComparer(new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!));
    }
}
