using System.Text.RegularExpressions;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>One field of a query's selection set, with the fields selected under it.</summary>
internal sealed record GraphQlField(string Name, IReadOnlyList<GraphQlField> Fields);

/// <summary>
/// The part of GraphQL the emulator understands so far: <c>query Name? { field { field } }</c> with plain field
/// selections. Arguments, variables, fragments and mutations are refused with a clear message until an emulated
/// API needs them.
/// </summary>
internal static partial class GraphQlSelection
{
    /// <exception cref="FormatException">The document is not a query this emulator understands.</exception>
    public static IReadOnlyList<GraphQlField> Parse(string document)
    {
        var tokens = Tokens().Matches(document).Select(m => m.Value).Where(t => !Ignored().IsMatch(t)).ToList();
        var position = 0;
        if (tokens.FirstOrDefault() == "query")
        {
            position++;
            if (position < tokens.Count && Name().IsMatch(tokens[position])) position++;
        }
        var fields = SelectionSet(tokens, ref position);
        if (position != tokens.Count) throw new FormatException($"Unexpected '{tokens[position]}' after the query");
        return fields;
    }

    private static List<GraphQlField> SelectionSet(List<string> tokens, ref int position)
    {
        Expect(tokens, ref position, "{");
        var fields = new List<GraphQlField>();
        while (position < tokens.Count && tokens[position] != "}")
        {
            var name = tokens[position++];
            if (!Name().IsMatch(name)) throw new FormatException($"'{name}' is not supported by the sandbox's GraphQL yet (plain field selections only)");
            fields.Add(new GraphQlField(name, position < tokens.Count && tokens[position] == "{" ? SelectionSet(tokens, ref position) : []));
        }
        Expect(tokens, ref position, "}");
        if (fields.Count == 0) throw new FormatException("A selection set cannot be empty");
        return fields;
    }

    private static void Expect(List<string> tokens, ref int position, string token)
    {
        if (position >= tokens.Count || tokens[position] != token)
            throw new FormatException($"Expected '{token}' but found {(position < tokens.Count ? $"'{tokens[position]}'" : "the end of the query")}");
        position++;
    }

    /// <summary>Names, braces, or any other single character (which then fails as unsupported); commas and comments are insignificant.</summary>
    [GeneratedRegex(@"#[^\n]*|[\s,]+|[_A-Za-z][_0-9A-Za-z]*|\.\.\.|\S")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(#.*|[\s,]+)$")]
    private static partial Regex Ignored();

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex Name();
}
