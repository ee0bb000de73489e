using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>One operation: <c>query</c> or <c>mutation</c>, its variable definitions and its selections.</summary>
internal sealed record GraphQlDocument(string Operation, string? Name, IReadOnlyList<GraphQlVariable> Variables, IReadOnlyList<GraphQlField> Fields)
{
    /// <summary>Variables the operation uses in <c>@include</c>/<c>@skip</c> conditions only, already applied.</summary>
    public IReadOnlySet<string> ConditionVariables { get; init; } = new HashSet<string>();
}

internal sealed record GraphQlVariable(string Name, GraphQlType Type, GraphQlValue? Default);

/// <summary>A type reference: <c>Name</c>, <c>[Item]</c>, either with <c>!</c>.</summary>
internal sealed record GraphQlType(string? Name, GraphQlType? Item, bool NonNull)
{
    public override string ToString() => (Item is null ? Name : $"[{Item}]") + (NonNull ? "!" : "");
}

/// <summary>One field of a selection set, with its arguments and the fields selected under it.</summary>
internal sealed record GraphQlField(string Name, IReadOnlyDictionary<string, GraphQlValue> Arguments, IReadOnlyList<GraphQlField> Fields)
{
    public const string TypeName = "__typename";

    /// <summary>The name the client gave the field in its answer (<c>alias: field</c>).</summary>
    public string? Alias { get; init; }

    /// <summary>The key of Shopify's <c>@idempotent</c> directive on a mutation field, if given.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The field's key in the answer.</summary>
    public string Key => Alias ?? Name;
}

internal abstract record GraphQlValue;
internal sealed record GraphQlVariableValue(string Name) : GraphQlValue;
internal sealed record GraphQlEnumValue(string Name) : GraphQlValue;

/// <summary>A string, number, boolean or null literal, as JSON.</summary>
internal sealed record GraphQlLiteral(JsonNode? Value) : GraphQlValue;
internal sealed record GraphQlListValue(IReadOnlyList<GraphQlValue> Items) : GraphQlValue;
internal sealed record GraphQlObjectValue(IReadOnlyDictionary<string, GraphQlValue> Fields) : GraphQlValue;
