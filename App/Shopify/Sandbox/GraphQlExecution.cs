using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>A connection's item in the connection's order, with what its cursor records: the sort value and the id.</summary>
/// <param name="Node">Renders the node; only the page's nodes are rendered.</param>
internal sealed record ConnectionItem(string SortValue, long Id, Func<JsonObject> Node);

/// <summary>
/// Checks a selection against <see cref="ShopifySchema"/> and prices it the way Shopify does (fact sheet §6 and
/// Shopify's rate-limit guide): scalars and enums 0, an object 1, a connection 2 plus, per node asked for (its
/// <c>first</c>) or returned, 1 and the cost of what is selected under it. The requested cost is computed before
/// anything runs, the actual cost from what was returned. Then projects the emulator's full JSON objects onto the
/// selection, paging connections by <c>first</c>/<c>after</c> with Shopify-style opaque cursors.
/// </summary>
internal sealed class GraphQlExecution(GraphQlInputs inputs)
{
    private static readonly string[] PageInfoFields = ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"];

    public GraphQlInputs Inputs => inputs;

    /// <summary>The requested cost of a selection on <paramref name="type"/>; throws what the schema refuses.</summary>
    public int Requested(string type, IReadOnlyList<GraphQlField> fields) => fields.Sum(field =>
    {
        var spec = Spec(type, field);
        var arguments = inputs.Arguments(field, spec);
        return spec.Shape switch
        {
            FieldShape.Leaf => field.Fields.Count == 0 ? 0
                : throw new FormatException($"Selections can't be made on scalars (field '{field.Name}' on type '{type}')"),
            FieldShape.Object => 1 + Requested(spec.Type, Selected(field, spec)),
            FieldShape.List => (Int(arguments, "first") ?? 1) * (1 + Requested(spec.Type, Selected(field, spec))),
            _ => 2 + PageSize(field, arguments) * (1 + NodeSelections(field, spec).Select(s => Requested(spec.Type, s)).DefaultIfEmpty(0).Max()),
        };
    });

    /// <summary>The selection on <paramref name="source"/>, a full object of <paramref name="type"/>, and what it cost.</summary>
    public (JsonObject Value, int Cost) Project(JsonObject source, string type, IReadOnlyList<GraphQlField> fields)
    {
        var result = new JsonObject();
        var cost = 0;
        foreach (var field in fields)
        {
            var spec = Spec(type, field);
            var arguments = inputs.Arguments(field, spec);
            switch (spec.Shape)
            {
                case FieldShape.Leaf:
                    result[field.Key] = field.Name == GraphQlField.TypeName ? type : source[field.Name]?.DeepClone();
                    break;
                case FieldShape.Object when source[field.Name] is JsonObject child:
                    var (value, childCost) = Project(child, spec.Type, field.Fields);
                    result[field.Key] = value;
                    cost += 1 + childCost;
                    break;
                case FieldShape.Object:
                    result[field.Key] = null;
                    break;
                case FieldShape.List:
                    var items = (source[field.Name] as JsonArray ?? []).OfType<JsonObject>().Take(Int(arguments, "first") ?? int.MaxValue)
                        .Select(item => Project(item, spec.Type, field.Fields)).ToList();
                    result[field.Key] = new JsonArray(items.Select(i => (JsonNode)i.Value).ToArray());
                    cost += items.Sum(i => 1 + i.Cost);
                    break;
                default:
                    // A nested connection keeps the object's order: the position is the sort value.
                    var nodes = (source[field.Name] as JsonArray ?? []).OfType<JsonObject>()
                        .Select((node, i) => new ConnectionItem(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                            long.Parse(node["id"]!.GetValue<string>().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), () => node))
                        .ToList();
                    var (connection, connectionCost) = Connection(nodes, field, spec, arguments);
                    result[field.Key] = connection;
                    cost += connectionCost;
                    break;
            }
        }
        return (result, cost);
    }

    /// <summary>One page of <paramref name="items"/> (given in ascending order) as the connection's selection asks.</summary>
    public (JsonObject Value, int Cost) Connection(IReadOnlyList<ConnectionItem> items, GraphQlField field, FieldSpec spec, Dictionary<string, JsonNode?> arguments)
    {
        var first = PageSize(field, arguments);
        var direction = arguments.GetValueOrDefault("reverse")?.GetValue<bool>() == true ? -1 : 1;
        IEnumerable<ConnectionItem> ordered = direction < 0 ? items.Reverse() : items;
        var after = arguments.GetValueOrDefault("after")?.GetValue<string>();
        if (after is not null)
        {
            var (value, id) = Cursor.Decode(after);
            ordered = ordered.Where(i => Compare(i, value, id) * direction > 0);
        }
        var remaining = ordered.ToList();
        var page = remaining.Take(first).ToList();
        var result = new JsonObject();
        var nodeCosts = new int[page.Count];
        foreach (var selected in field.Fields)
        {
            switch (selected.Name)
            {
                case GraphQlField.TypeName:
                    result[selected.Key] = $"{spec.Type}Connection";
                    break;
                case "nodes":
                    result[selected.Key] = new JsonArray(page.Select((item, i) => (JsonNode)Node(item, spec.Type, selected.Fields, nodeCosts, i)).ToArray());
                    break;
                case "edges":
                    result[selected.Key] = new JsonArray(page.Select((item, i) =>
                    {
                        var edge = new JsonObject();
                        foreach (var part in selected.Fields)
                        {
                            edge[part.Key] = part.Name switch
                            {
                                "cursor" => Cursor.Encode(item),
                                GraphQlField.TypeName => $"{spec.Type}Edge",
                                _ => Node(item, spec.Type, part.Fields, nodeCosts, i),
                            };
                        }
                        return (JsonNode)edge;
                    }).ToArray());
                    break;
                case "pageInfo":
                    var info = new JsonObject();
                    foreach (var part in selected.Fields)
                    {
                        info[part.Key] = part.Name switch
                        {
                            GraphQlField.TypeName => "PageInfo",
                            "hasNextPage" => remaining.Count > first,
                            "hasPreviousPage" => after is not null,
                            "startCursor" => page.Count > 0 ? Cursor.Encode(page[0]) : null,
                            _ => page.Count > 0 ? Cursor.Encode(page[^1]) : null,
                        };
                    }
                    result[selected.Key] = info;
                    break;
            }
        }
        return (result, 2 + nodeCosts.Sum(c => 1 + c));
    }

    /// <summary>Every object type answers <c>__typename</c> with its name (GraphQL specification, §4.4).</summary>
    private static readonly FieldSpec TypeNameSpec = new("String", FieldShape.Leaf, new Dictionary<string, string>());

    public FieldSpec Spec(string type, GraphQlField field) =>
        field.Name == GraphQlField.TypeName ? TypeNameSpec
        : ShopifySchema.Objects[type].TryGetValue(field.Name, out var spec) ? spec
        : throw new FormatException($"Field '{field.Name}' doesn't exist on type '{type}'");

    private JsonObject Node(ConnectionItem item, string type, IReadOnlyList<GraphQlField> fields, int[] costs, int index)
    {
        var (value, cost) = Project(item.Node(), type, fields);
        costs[index] = Math.Max(costs[index], cost);
        return value;
    }

    private static IReadOnlyList<GraphQlField> Selected(GraphQlField field, FieldSpec spec) => field.Fields.Count > 0 ? field.Fields
        : throw new FormatException($"Field must have selections (field '{field.Name}' returns {spec.Type} but has no selections. Did you mean '{field.Name} {{ ... }}'?)");

    /// <summary>Checks the connection's own fields; returns the selections made on its nodes (under nodes and edges.node).</summary>
    private static List<IReadOnlyList<GraphQlField>> NodeSelections(GraphQlField field, FieldSpec spec)
    {
        var connectionType = $"{spec.Type}Connection";
        var nodes = new List<IReadOnlyList<GraphQlField>>();
        foreach (var selected in Selected(field, spec with { Type = connectionType }))
        {
            if (selected.Arguments.Count > 0) throw new FormatException($"Field '{selected.Name}' doesn't accept argument '{selected.Arguments.Keys.First()}'");
            switch (selected.Name)
            {
                case GraphQlField.TypeName:
                    break;
                case "nodes":
                    nodes.Add(Selected(selected, spec));
                    break;
                case "edges":
                    foreach (var part in Selected(selected, spec with { Type = $"{spec.Type}Edge" }))
                    {
                        if (part.Name == "node") nodes.Add(Selected(part, spec));
                        else if (part.Name is not ("cursor" or GraphQlField.TypeName) || part.Fields.Count > 0) throw new FormatException($"Field '{part.Name}' doesn't exist on type '{spec.Type}Edge'");
                    }
                    break;
                case "pageInfo":
                    foreach (var part in Selected(selected, spec with { Type = "PageInfo" }))
                    {
                        if (!(PageInfoFields.Contains(part.Name) || part.Name == GraphQlField.TypeName) || part.Fields.Count > 0) throw new FormatException($"Field '{part.Name}' doesn't exist on type 'PageInfo'");
                    }
                    break;
                default:
                    throw new FormatException($"Field '{selected.Name}' doesn't exist on type '{connectionType}'");
            }
        }
        return nodes;
    }

    private static int PageSize(GraphQlField field, Dictionary<string, JsonNode?> arguments)
    {
        if (arguments.ContainsKey("last") || arguments.ContainsKey("before"))
            throw new FormatException($"The sandbox pages '{field.Name}' forwards only (first/after), not with last/before");
        return Int(arguments, "first") switch
        {
            null => throw new FormatException("you must provide one of first or last"),
            < 0 => throw new FormatException($"Argument 'first' on Field '{field.Name}' must be at least 0"),
            > ShopifySchema.MaxPageSize and var n => throw new FormatException($"Argument 'first' on Field '{field.Name}' is {n}, more than the maximum page size of {ShopifySchema.MaxPageSize}"),
            var n => n.Value,
        };
    }

    private static int? Int(Dictionary<string, JsonNode?> arguments, string name) => arguments.GetValueOrDefault(name)?.GetValue<int>();

    private static int Compare(ConnectionItem item, string value, long id)
    {
        var byValue = string.CompareOrdinal(item.SortValue, value);
        return byValue != 0 ? byValue : item.Id.CompareTo(id);
    }

    /// <summary>Opaque to clients, like Shopify's: base64 of the last item's sort value and id.</summary>
    internal static class Cursor
    {
        public static string Encode(ConnectionItem item) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["last_id"] = item.Id, ["last_value"] = item.SortValue }.ToJsonString()));

        public static (string Value, long Id) Decode(string cursor)
        {
            try
            {
                var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)))!;
                return (json["last_value"]!.GetValue<string>(), json["last_id"]!.GetValue<long>());
            }
            catch (Exception e) when (e is FormatException or JsonException or NullReferenceException or InvalidOperationException)
            {
                throw new FormatException($"Invalid cursor: {cursor}");
            }
        }
    }
}
