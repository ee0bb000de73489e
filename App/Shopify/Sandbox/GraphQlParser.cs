using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// Reads a GraphQL document with GraphQL-Parser (the parser graphql-dotnet uses) into the emulator's model, as the
/// specification has it: several operations chosen by <c>operationName</c>, fragments and inline fragments spread into
/// their selection (the sandbox's types have no interfaces or unions, so a type condition selects its fields as they
/// stand), aliases kept for the answer's keys, and the specification's <c>@include</c> and <c>@skip</c> applied
/// (GraphQL §3.13), and Shopify's <c>@idempotent(key:)</c> on a mutation field kept on the field. Any other directive is
/// refused rather than ignored.
/// </summary>
internal static class GraphQlParser
{
    /// <param name="operationName">The request's <c>operationName</c>: required when the document holds several operations.</param>
    /// <exception cref="FormatException">What Shopify would refuse, in its words where known.</exception>
    /// <param name="given">The request's variables, for <c>@include(if: $x)</c> and <c>@skip(if: $x)</c>.</param>
    public static GraphQlDocument Parse(string document, string? operationName = null, JsonObject? given = null)
    {
        var parsed = Read(document);
        if (parsed.Definitions.FirstOrDefault(d => d is not GraphQLOperationDefinition and not GraphQLFragmentDefinition) is { } other)
            throw new FormatException($"Definitions of kind {other.Kind} are not executable");
        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var fragment in parsed.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            if (!fragments.TryAdd(Text(fragment.FragmentName.Name), fragment))
                throw new FormatException($"There can only be one fragment named \"{Text(fragment.FragmentName.Name)}\"");
        }
        var operation = Choose(operations, operationName);
        if (operation.Operation == OperationType.Subscription) throw new FormatException("Subscriptions are not supported by the Admin API");
        if (operation.Directives?.Count > 0) throw Directives();
        var context = new Context(fragments, new HashSet<string>(), Conditions(operation, given), new HashSet<string>());
        var fields = Selections(operation.SelectionSet, context, []);
        // A document is valid as a whole: a fragment counts as used when any of its operations spreads it.
        foreach (var another in operations.Where(o => o != operation))
            Selections(another.SelectionSet, context with { Variables = Conditions(another, given), Conditioning = [] }, []);
        var spread = context.Spread;
        if (fragments.Keys.FirstOrDefault(name => !spread.Contains(name)) is { } unused)
            throw new FormatException($"Fragment {unused} was defined, but not used");
        var variables = new List<GraphQlVariable>();
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = Text(definition.Variable.Name);
            if (variables.Any(v => v.Name == name)) throw new FormatException($"There can only be one variable named \"{name}\"");
            variables.Add(new GraphQlVariable(name, Type(definition.Type), definition.DefaultValue is { } value ? Value(value, constant: true) : null));
        }
        return new GraphQlDocument(operation.Operation == OperationType.Mutation ? "mutation" : "query", operation.Name is { } n ? Text(n) : null, variables, fields)
        {
            ConditionVariables = context.Conditioning,
        };
    }

    /// <summary>A type reference as the schema writes it (<c>[FulfillmentOrderLineItemsInput!]!</c>).</summary>
    public static GraphQlType ParseType(string type)
    {
        try
        {
            var operation = Parser.Parse($"query($t: {type}) {{ t }}").Definitions.OfType<GraphQLOperationDefinition>().Single();
            return Type(operation.Variables!.Items.Single().Type);
        }
        catch (GraphQLParserException)
        {
            throw new FormatException($"'{type}' is not a type");
        }
    }

    private static GraphQLDocument Read(string document)
    {
        try
        {
            return Parser.Parse(document);
        }
        catch (GraphQLParserException e)
        {
            throw new FormatException(e.Message);
        }
    }

    private static GraphQLOperationDefinition Choose(List<GraphQLOperationDefinition> operations, string? name)
    {
        if (operations.Count == 0) throw new FormatException("The document holds no operation");
        if (!string.IsNullOrEmpty(name))
            return operations.FirstOrDefault(o => o.Name is { } n && Text(n) == name) ?? throw new FormatException($"No operation named \"{name}\"");
        return operations.Count == 1 ? operations[0] : throw new FormatException("An operation name is required");
    }

    /// <param name="Variables">The operation's boolean variables, given or defaulted, for the conditions.</param>
    /// <param name="Conditioning">The variables conditions used, for "declared but not used".</param>
    private sealed record Context(
        Dictionary<string, GraphQLFragmentDefinition> Fragments, HashSet<string> Spread, IReadOnlyDictionary<string, bool?> Variables, HashSet<string> Conditioning);

    private static Dictionary<string, bool?> Conditions(GraphQLOperationDefinition operation, JsonObject? given)
    {
        var values = new Dictionary<string, bool?>();
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = Text(definition.Variable.Name);
            values[name] = given is not null && given.TryGetPropertyValue(name, out var sent)
                ? sent is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null
                : definition.DefaultValue is GraphQLBooleanValue fallback ? fallback.BoolValue : null;
        }
        return values;
    }

    /// <summary>Whether a selection stays: <c>@skip(if: true)</c> drops it, <c>@include(if: false)</c> too (GraphQL §3.13).</summary>
    private static bool Included(GraphQLDirectives? directives, Context context)
    {
        var included = true;
        foreach (var directive in directives?.Items ?? [])
        {
            var name = Text(directive.Name);
            if (name == Idempotent) continue;
            if (name is not ("include" or "skip")) throw new FormatException($"Directive '@{name}' is not defined");
            var argument = directive.Arguments?.Items.SingleOrDefault(a => Text(a.Name) == "if")?.Value;
            if (argument is GraphQLVariable used) context.Conditioning.Add(Text(used.Name));
            var condition = argument switch
            {
                GraphQLBooleanValue literal => literal.BoolValue,
                GraphQLVariable variable => context.Variables.TryGetValue(Text(variable.Name), out var value)
                    ? value ?? throw new FormatException($"Variable ${Text(variable.Name)} of @{name} must be a Boolean")
                    : throw new FormatException($"Variable ${Text(variable.Name)} is used by @{name} but not declared"),
                _ => throw new FormatException($"Directive '@{name}' is missing required arguments: if"),
            };
            if (name == "include" ? !condition : condition) included = false;
        }
        return included;
    }

    private const string Idempotent = "idempotent";

    /// <summary>
    /// The key of Shopify's <c>@idempotent(key: String!)</c>, if the field carries one. Taken as a string literal only, as
    /// in Shopify's examples: whether Shopify takes a variable there is unconfirmed (shopify.md §5.4).
    /// </summary>
    private static string? IdempotencyKey(GraphQLDirectives? directives)
    {
        if (directives?.Items.FirstOrDefault(d => Text(d.Name) == Idempotent) is not { } directive) return null;
        return directive.Arguments?.Items.SingleOrDefault(a => Text(a.Name) == "key")?.Value switch
        {
            GraphQLStringValue literal => literal.Value.ToString(),
            GraphQLVariable => throw new FormatException($"The sandbox takes the key of '@{Idempotent}' as a string literal only"),
            _ => throw new FormatException($"Directive '@{Idempotent}' is missing required arguments: key"),
        };
    }

    /// <param name="path">The fragments being spread, to refuse one that spreads itself.</param>
    private static List<GraphQlField> Selections(GraphQLSelectionSet set, Context context, IReadOnlyList<string> path)
    {
        var fields = new List<GraphQlField>();
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (!Included(field.Directives, context)) break;
                    var arguments = new Dictionary<string, GraphQlValue>();
                    foreach (var argument in field.Arguments?.Items ?? [])
                    {
                        if (!arguments.TryAdd(Text(argument.Name), Value(argument.Value, constant: false)))
                            throw new FormatException($"There can be only one argument named \"{Text(argument.Name)}\"");
                    }
                    fields.Add(new GraphQlField(Text(field.Name), arguments,
                        field.SelectionSet is { } children ? Selections(children, context, path) : [])
                    {
                        Alias = field.Alias is { } alias ? Text(alias.Name) : null,
                        IdempotencyKey = IdempotencyKey(field.Directives),
                    });
                    break;
                case GraphQLFragmentSpread fragmentSpread:
                    var name = Text(fragmentSpread.FragmentName.Name);
                    if (!context.Fragments.TryGetValue(name, out var fragment)) throw new FormatException($"No fragment named {name}");
                    if (path.Contains(name)) throw new FormatException($"Fragment {name} contains an infinite loop");
                    context.Spread.Add(name);
                    if (Included(fragmentSpread.Directives, context)) fields.AddRange(Selections(fragment.SelectionSet, context, [.. path, name]));
                    break;
                case GraphQLInlineFragment inline:
                    if (Included(inline.Directives, context)) fields.AddRange(Selections(inline.SelectionSet, context, path));
                    break;
            }
        }
        return fields;
    }

    private static GraphQlType Type(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Type(nonNull.Type) with { NonNull = true },
        GraphQLListType list => new GraphQlType(null, Type(list.Type), false),
        GraphQLNamedType named => new GraphQlType(Text(named.Name), null, false),
        _ => throw new FormatException($"Unknown type reference {type.Kind}"),
    };

    private static GraphQlValue Value(GraphQLValue value, bool constant) => value switch
    {
        GraphQLVariable variable when !constant => new GraphQlVariableValue(Text(variable.Name)),
        GraphQLVariable variable => throw new FormatException($"Default values cannot use variables (${Text(variable.Name)})"),
        GraphQLIntValue number => new GraphQlLiteral(long.TryParse(number.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? JsonValue.Create(whole)
            : JsonValue.Create(double.Parse(number.Value.Span, CultureInfo.InvariantCulture))),
        GraphQLFloatValue number => new GraphQlLiteral(JsonValue.Create(double.Parse(number.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture))),
        GraphQLStringValue text => new GraphQlLiteral(JsonValue.Create(new string(text.Value.Span))),
        GraphQLBooleanValue boolean => new GraphQlLiteral(JsonValue.Create(boolean.BoolValue)),
        GraphQLNullValue => new GraphQlLiteral(null),
        GraphQLEnumValue enumValue => new GraphQlEnumValue(Text(enumValue.Name)),
        GraphQLListValue list => new GraphQlListValue((list.Values ?? []).Select(item => Value(item, constant)).ToList()),
        GraphQLObjectValue input => new GraphQlObjectValue(ObjectFields(input, constant)),
        _ => throw new FormatException($"Unexpected value of kind {value.Kind}"),
    };

    private static Dictionary<string, GraphQlValue> ObjectFields(GraphQLObjectValue input, bool constant)
    {
        var fields = new Dictionary<string, GraphQlValue>();
        foreach (var field in input.Fields ?? [])
        {
            if (!fields.TryAdd(Text(field.Name), Value(field.Value, constant)))
                throw new FormatException($"There can be only one input field named \"{Text(field.Name)}\"");
        }
        return fields;
    }

    private static FormatException Directives() => new("Directives on an operation are not supported by the sandbox's GraphQL");

    private static string Text(GraphQLName name) => name.StringValue;
}
