using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// The part of GraphQL the emulator understands: one <c>query</c> or <c>mutation</c> (or a bare selection set),
/// variable definitions with defaults, fields with arguments of every literal kind and variables. Aliases,
/// fragments, directives and several operations in one document are refused by name rather than misread.
/// </summary>
internal static partial class GraphQlParser
{
    /// <exception cref="FormatException">The document is not one this emulator understands.</exception>
    public static GraphQlDocument Parse(string document)
    {
        var reader = new Reader(Tokens().Matches(document).Select(m => m.Value).Where(t => !Ignored().IsMatch(t)).ToList());
        var operation = "query";
        string? name = null;
        var variables = new List<GraphQlVariable>();
        if (reader.Peek is "query" or "mutation" or "subscription")
        {
            operation = reader.Next();
            if (operation == "subscription") throw new FormatException("Subscriptions are not supported by the Admin API");
            if (reader.Peek is { } next && IsName(next)) name = reader.Next();
            if (reader.Peek == "(") variables = VariableDefinitions(reader);
        }
        if (reader.Peek == "@") throw new FormatException("Directives are not supported by the sandbox's GraphQL");
        var fields = SelectionSet(reader);
        if (reader.Peek is { } extra)
            throw new FormatException(extra is "query" or "mutation" or "fragment" or "{"
                ? "The sandbox's GraphQL takes one operation per document (no fragments)"
                : $"Parse error on \"{extra}\" after the operation");
        return new GraphQlDocument(operation, name, variables, fields);
    }

    private static List<GraphQlVariable> VariableDefinitions(Reader reader)
    {
        reader.Expect("(");
        var variables = new List<GraphQlVariable>();
        while (reader.Peek != ")")
        {
            reader.Expect("$");
            var name = reader.Name();
            reader.Expect(":");
            var type = Type(reader);
            GraphQlValue? value = null;
            if (reader.Peek == "=")
            {
                reader.Next();
                value = Value(reader, constant: true);
            }
            if (variables.Any(v => v.Name == name)) throw new FormatException($"There can only be one variable named \"{name}\"");
            variables.Add(new GraphQlVariable(name, type, value));
        }
        reader.Expect(")");
        if (variables.Count == 0) throw new FormatException("Parse error on \")\": variable definitions cannot be empty");
        return variables;
    }

    private static GraphQlType Type(Reader reader)
    {
        GraphQlType type;
        if (reader.Peek == "[")
        {
            reader.Next();
            var item = Type(reader);
            reader.Expect("]");
            type = new GraphQlType(null, item, false);
        }
        else type = new GraphQlType(reader.Name(), null, false);
        if (reader.Peek != "!") return type;
        reader.Next();
        return type with { NonNull = true };
    }

    private static List<GraphQlField> SelectionSet(Reader reader)
    {
        reader.Expect("{");
        var fields = new List<GraphQlField>();
        while (reader.Peek != "}")
        {
            if (reader.Peek == "...") throw new FormatException("Fragments are not supported by the sandbox's GraphQL");
            var name = reader.Name();
            if (reader.Peek == ":") throw new FormatException($"Aliases are not supported by the sandbox's GraphQL (\"{name}:\")");
            var arguments = reader.Peek == "(" ? Arguments(reader) : new Dictionary<string, GraphQlValue>();
            if (reader.Peek == "@") throw new FormatException("Directives are not supported by the sandbox's GraphQL");
            fields.Add(new GraphQlField(name, arguments, reader.Peek == "{" ? SelectionSet(reader) : []));
        }
        reader.Expect("}");
        if (fields.Count == 0) throw new FormatException("Parse error on \"}\": a selection set cannot be empty");
        return fields;
    }

    private static Dictionary<string, GraphQlValue> Arguments(Reader reader)
    {
        reader.Expect("(");
        var arguments = new Dictionary<string, GraphQlValue>();
        while (reader.Peek != ")")
        {
            var name = reader.Name();
            reader.Expect(":");
            if (!arguments.TryAdd(name, Value(reader, constant: false))) throw new FormatException($"There can be only one argument named \"{name}\"");
        }
        reader.Expect(")");
        if (arguments.Count == 0) throw new FormatException("Parse error on \")\": arguments cannot be empty");
        return arguments;
    }

    private static GraphQlValue Value(Reader reader, bool constant)
    {
        var token = reader.Next();
        switch (token)
        {
            case "$" when !constant:
                return new GraphQlVariableValue(reader.Name());
            case "[":
                var items = new List<GraphQlValue>();
                while (reader.Peek != "]") items.Add(Value(reader, constant));
                reader.Next();
                return new GraphQlListValue(items);
            case "{":
                var fields = new Dictionary<string, GraphQlValue>();
                while (reader.Peek != "}")
                {
                    var name = reader.Name();
                    reader.Expect(":");
                    if (!fields.TryAdd(name, Value(reader, constant))) throw new FormatException($"There can be only one input field named \"{name}\"");
                }
                reader.Next();
                return new GraphQlObjectValue(fields);
            case "true" or "false":
                return new GraphQlLiteral(JsonValue.Create(token == "true"));
            case "null":
                return new GraphQlLiteral(null);
        }
        if (token.Length >= 2 && token[0] == '"') return new GraphQlLiteral(JsonValue.Create(StringValue(token)));
        if (Number().IsMatch(token))
        {
            return new GraphQlLiteral(long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? JsonValue.Create(whole)
                : JsonValue.Create(double.Parse(token, CultureInfo.InvariantCulture)));
        }
        if (IsName(token)) return new GraphQlEnumValue(token);
        throw new FormatException($"Parse error on \"{token}\": expected a value");
    }

    /// <summary>A type reference as the schema writes it (<c>[FulfillmentOrderLineItemsInput!]!</c>).</summary>
    public static GraphQlType ParseType(string type)
    {
        var reader = new Reader(Tokens().Matches(type).Select(m => m.Value).ToList());
        var parsed = Type(reader);
        return reader.Peek is null ? parsed : throw new FormatException($"'{type}' is not a type");
    }

    /// <summary>GraphQL's string escapes are JSON's.</summary>
    private static string StringValue(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(token)!;
        }
        catch (JsonException)
        {
            throw new FormatException($"Parse error on {token}: bad string escape");
        }
    }

    private static bool IsName(string token) => Name().IsMatch(token);

    private sealed class Reader(List<string> tokens)
    {
        private int _position;

        public string? Peek => _position < tokens.Count ? tokens[_position] : null;

        public string Next() => _position < tokens.Count ? tokens[_position++] : throw new FormatException("Parse error: unexpected end of document");

        public string Name()
        {
            var token = Next();
            return IsName(token) ? token : throw new FormatException($"Parse error on \"{token}\": expected a name");
        }

        public void Expect(string token)
        {
            var found = Next();
            if (found != token) throw new FormatException($"Parse error on \"{found}\": expected \"{token}\"");
        }
    }

    /// <summary>Comments, whitespace and commas (insignificant), strings, numbers, names, the spread and single punctuators; anything else is one character that then fails.</summary>
    [GeneratedRegex(@"#[^\n]*|[\s,]+|""(?:[^""\\\n]|\\.)*""|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z][_0-9A-Za-z]*|\.\.\.|\S")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(#.*|[\s,]+)$")]
    private static partial Regex Ignored();

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^-?\d")]
    private static partial Regex Number();
}
