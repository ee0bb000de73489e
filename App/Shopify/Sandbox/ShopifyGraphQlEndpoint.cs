using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>/{shop}/admin/api/2026-10/graphql.json</c> (fact sheet §4-§6): the access token in <c>X-Shopify-Access-Token</c>,
/// <c>{"query","variables"}</c> in a JSON body; <c>shop</c>, <c>order</c>, <c>orders</c> and <c>fulfillmentCreate</c>
/// against the shop's order book. Every answer carries <c>extensions.cost</c>; each app+shop has a bucket of 2,000
/// points restoring 100 a second (the Standard plan), a query asking for more than the bucket holds is THROTTLED and
/// one asking for more than 1,000 refused (MAX_COST_EXCEEDED), both with HTTP 200 like every GraphQL error.
/// </summary>
internal sealed class ShopifyGraphQlEndpoint(
    SandboxGrants grants, SandboxOrderBooks books, ShopifySandboxProducts products, ShopifySandboxWebhooks webhooks, SandboxRateLimits limits,
    SandboxJournal journal, TimeProvider clock)
{
    public const double BucketSize = 2000;
    public const double RestoreRate = 100;
    public const int MaxQueryCost = 1000;

    /// <summary>Every mutation costs 10 points, whatever it selects.</summary>
    public const int MutationCost = 10;

    private const string LimitsDocumentation = "https://shopify.dev/api/usage/limits#rate-limits";
    private readonly ConcurrentDictionary<string, ShopifyCostBucket> _buckets = new();

    public async Task<IResult> HandleAsync(string shop, HttpRequest http, CancellationToken ct)
    {
        http.HttpContext.Response.Headers["X-Shopify-API-Version"] = ShopifySandbox.ApiVersion;
        var token = await grants.FindAsync(ShopifySandbox.Id, SandboxGrantKinds.Access, http.Headers[ShopifyAdminGraphQl.AccessTokenHeader], ct);
        if (token?.Read<ShopifyGrant>() is not { } grant || grant.Shop != shop)
            return Results.Json(new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" },
                statusCode: StatusCodes.Status401Unauthorized);
        if (await BodyAsync(http, ct) is not var (query, variables, operationName))
            return Results.Json(new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } },
                statusCode: StatusCodes.Status400BadRequest);
        var bucket = _buckets.GetOrAdd(shop, _ => new ShopifyCostBucket(BucketSize, RestoreRate, clock.GetUtcNow()));
        int requested;
        GraphQlDocument document;
        GraphQlExecution execution;
        try
        {
            document = GraphQlParser.Parse(query, operationName, variables);
            execution = new GraphQlExecution(new GraphQlInputs(document, variables));
            var selected = execution.Requested(document.Operation == "mutation" ? ShopifySchema.Mutation : ShopifySchema.QueryRoot, document.Fields);
            requested = document.Operation == "mutation" ? MutationCost * document.Fields.Count(f => f.Name != GraphQlField.TypeName) : selected;
        }
        catch (FormatException e)
        {
            return Answer(Errors(e.Message), null);
        }
        if (requested > MaxQueryCost)
        {
            return Answer(Errors($"Query cost is {requested}, which exceeds the single query max cost limit ({MaxQueryCost}).", new JsonObject
            {
                ["code"] = "MAX_COST_EXCEEDED", ["cost"] = requested, ["maxCost"] = MaxQueryCost, ["documentation"] = LimitsDocumentation,
            }), Cost(requested, null, bucket));
        }
        if (limits.Enabled && !bucket.TryTake(requested, clock.GetUtcNow()))
        {
            journal.Request(ShopifySandbox.Id, "THROTTLED");
            return Answer(Errors("Throttled", new JsonObject { ["code"] = "THROTTLED", ["documentation"] = LimitsDocumentation }), Cost(requested, null, bucket));
        }
        try
        {
            var book = ShopifySandboxOrders.Book(books, shop);
            var data = new JsonObject();
            var actual = 0;
            var lost = false;
            foreach (var field in document.Fields)
            {
                if (field.Name == GraphQlField.TypeName)
                {
                    data[field.Key] = document.Operation == "mutation" ? ShopifySchema.Mutation : ShopifySchema.QueryRoot;
                    continue;
                }
                if (Denied(field.Name, grant) is { } scope)
                    return Answer(Errors($"Access denied for {field.Name} field. Required access: `{scope}` access scope.", new JsonObject
                    {
                        ["code"] = "ACCESS_DENIED", ["documentation"] = "https://shopify.dev/api/usage/access-scopes", ["requiredAccess"] = $"`{scope}` access scope.",
                    }), Cost(requested, null, bucket));
                var (value, cost, lose) = Resolve(field, document.Operation, execution, book, products.For(shop), grant, shop);
                if (value is null && cost < 0) return Internal(http);
                data[field.Key] = value;
                actual += cost;
                lost |= lose;
            }
            if (document.Operation == "mutation") actual = requested;
            if (limits.Enabled) bucket.Refund(requested - actual);
            if (lost)
            {
                http.HttpContext.Abort();
                return Results.Empty;
            }
            return Answer(new JsonObject { ["data"] = data }, Cost(requested, actual, bucket));
        }
        catch (FormatException e)
        {
            if (limits.Enabled) bucket.Refund(requested);
            return Answer(Errors(e.Message), Cost(requested, null, bucket));
        }
    }

    /// <returns>The field's value and actual cost; a negative cost when the book's read was interrupted.</returns>
    private (JsonNode? Value, int Cost, bool Lost) Resolve(GraphQlField field, string operation, GraphQlExecution execution, SandboxOrderBook book,
        ShopifySandboxShop store, ShopifyGrant grant, string shopDomain)
    {
        var root = operation == "mutation" ? ShopifySchema.Mutation : ShopifySchema.QueryRoot;
        var spec = execution.Spec(root, field);
        var arguments = execution.Inputs.Arguments(field, spec);
        switch (field.Name)
        {
            case "shop":
                var (shop, shopCost) = execution.Project(new JsonObject { ["name"] = grant.ShopName, ["myshopifyDomain"] = grant.Shop }, "Shop", field.Fields);
                return (shop, 1 + shopCost, false);
            case "order":
                var id = ShopifyGid.IdOf(arguments["id"]!.GetValue<string>(), "Order")
                    ?? throw new FormatException($"Invalid global id '{arguments["id"]!.GetValue<string>()}'");
                var found = book.Read(orders => orders.FirstOrDefault(o => o.Id == id) is { } order ? ShopifyOrderJson.Order(order) : null);
                if (found is null) return (null, 1, false);
                var (projected, cost) = execution.Project(found, "Order", field.Fields);
                return (projected, 1 + cost, false);
            case "orders":
                return Orders(field, spec, arguments, execution, book);
            case "locations":
                var location = new JsonObject
                {
                    ["id"] = ShopifyGid.Of("Location", store.LocationId), ["name"] = "Shop location", ["isActive"] = true,
                    ["legacyResourceId"] = store.LocationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                var (locations, locationsCost) = execution.Connection([new ConnectionItem("", store.LocationId, () => location)], field, spec, arguments);
                return (locations, locationsCost, false);
            case "product":
                JsonObject? product;
                lock (store.Gate) product = store.Products.FirstOrDefault(p => ShopifyGid.Of("Product", p.Id) == arguments["id"]!.GetValue<string>())?.Json();
                if (product is null) return (null, 1, false);
                var (productValue, productCost) = execution.Project(product, "Product", field.Fields);
                return (productValue, 1 + productCost, false);
            case "products":
                var search = arguments.GetValueOrDefault("query")?.GetValue<string>();
                List<ConnectionItem> items;
                lock (store.Gate)
                    items = store.Products.Where(p => ProductMatches(p, search)).OrderBy(p => p.Id)
                        .Select(p => (p, json: p.Json())).Select(x => new ConnectionItem("", x.p.Id, () => x.json)).ToList();
                var (productsPage, productsCost) = execution.Connection(items, field, spec, arguments);
                return (productsPage, productsCost, false);
            case "productSet":
                var set = ShopifyProductMutations.Set(store, arguments.GetValueOrDefault("identifier") as JsonObject, arguments["input"]!.AsObject(), clock.GetUtcNow());
                return (execution.Project(set, spec.Type, field.Fields).Value, MutationCost, false);
            case "productUpdate":
                var updated = ShopifyProductMutations.Update(store, arguments.GetValueOrDefault("product") as JsonObject ?? [], clock.GetUtcNow());
                return (execution.Project(updated, spec.Type, field.Fields).Value, MutationCost, false);
            case "inventorySetQuantities":
                var setQuantities = ShopifyInventoryMutations.SetQuantities(store, field.IdempotencyKey, arguments["input"]!.AsObject(), clock.GetUtcNow());
                return (execution.Project(setQuantities, spec.Type, field.Fields).Value, MutationCost, false);
            case "webhookSubscriptions":
                var topics = (arguments.GetValueOrDefault("topics") as JsonArray)?.Select(t => t!.GetValue<string>()).ToList();
                var uri = arguments.GetValueOrDefault("uri")?.GetValue<string>();
                var hooks = webhooks.List(shopDomain).Where(h => (topics is null || topics.Contains(h.Topic)) && (uri is null || h.Address == uri))
                    .OrderBy(h => h.Id).Select(h => new ConnectionItem("", h.Id, () => ShopifySandboxWebhooks.Json(h))).ToList();
                var (hooksPage, hooksCost) = execution.Connection(hooks, field, spec, arguments);
                return (hooksPage, hooksCost, false);
            case "webhookSubscriptionCreate":
                var created = webhooks.Create(shopDomain, arguments["topic"]!.GetValue<string>(), arguments["webhookSubscription"]!.AsObject());
                return (execution.Project(created, spec.Type, field.Fields).Value, MutationCost, false);
            case "webhookSubscriptionDelete":
                var deleted = webhooks.Delete(shopDomain, arguments["id"]!.GetValue<string>());
                return (execution.Project(deleted, spec.Type, field.Fields).Value, MutationCost, false);
            default:
                var (payload, lost) = ShopifyFulfillmentCreate.Run(book, arguments["fulfillment"]!.AsObject(), clock.GetUtcNow());
                var (value, _) = execution.Project(payload, spec.Type, field.Fields);
                return (value, MutationCost, lost);
        }
    }

    /// <summary>The access scope a root field needs that the token was not granted, if any.</summary>
    private static string? Denied(string field, ShopifyGrant grant)
    {
        var needed = field switch
        {
            "productSet" or "productUpdate" => "write_products",
            "product" or "products" => "read_products",
            "locations" => "read_locations",
            "inventorySetQuantities" => "write_inventory",
            _ => null,
        };
        return needed is not null && !grant.Scope.Split(',').Contains(needed) && !(needed.StartsWith("read_", StringComparison.Ordinal)
            && grant.Scope.Split(',').Contains("write_" + needed[5..])) ? needed : null;
    }

    /// <summary>The products search syntax the connector uses: <c>sku:</c> (any variant's) and <c>handle:</c>; nothing matches all.</summary>
    private static bool ProductMatches(ShopifySandboxProduct product, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return true;
        var (name, value) = search.Split(':', 2) is [var n, var v] ? (n.Trim(), v.Trim().Trim('"', '\'')) : ("", search.Trim());
        return name switch
        {
            "sku" => product.Variants.Any(v => string.Equals(v.Sku, value, StringComparison.OrdinalIgnoreCase)),
            "handle" => product.Handle == value,
            "" => product.Title.Contains(value, StringComparison.OrdinalIgnoreCase),
            _ => throw new FormatException($"The sandbox searches products by sku: or handle:, not {name}:"),
        };
    }

    private static (JsonNode? Value, int Cost, bool Lost) Orders(
        GraphQlField field, FieldSpec spec, Dictionary<string, JsonNode?> arguments, GraphQlExecution execution, SandboxOrderBook book)
    {
        var search = arguments.GetValueOrDefault("query")?.GetValue<string>();
        var matches = ShopifyOrderSearch.Parse(search);
        var sortKey = arguments.GetValueOrDefault("sortKey")?.GetValue<string>() ?? "ID";
        Func<SandboxOrder, string> sortValue = sortKey switch
        {
            "UPDATED_AT" => o => ShopifyOrderJson.Time(o.ModifiedAt),
            "CREATED_AT" or "PROCESSED_AT" => o => ShopifyOrderJson.Time(o.CreatedAt),
            "ID" or "ORDER_NUMBER" => _ => "",
            _ => throw new FormatException($"The sandbox sorts orders by UPDATED_AT, CREATED_AT, PROCESSED_AT, ID or ORDER_NUMBER, not {sortKey}"),
        };
        var read = string.Join('&', arguments.Where(a => a.Value is not null).Select(a => $"{a.Key}={a.Value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other!.ToJsonString(),
        }}"));
        var served = book.TryRead(read, orders => execution.Connection(orders.Where(matches)
            .Select(o => new ConnectionItem(sortValue(o), long.Parse(o.Id, System.Globalization.CultureInfo.InvariantCulture), () => ShopifyOrderJson.Order(o)))
            .OrderBy(i => i.SortValue, StringComparer.Ordinal).ThenBy(i => i.Id).ToList(), field, spec, arguments), out var page);
        return served ? (page.Value, page.Cost, false) : (null, -1, false);
    }

    private static async Task<(string Query, JsonObject? Variables, string? OperationName)?> BodyAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasJsonContentType()) return null;
        try
        {
            var body = await JsonNode.ParseAsync(http.Body, cancellationToken: ct);
            if (body is not JsonObject root || root["query"] is not JsonValue query || query.GetValueKind() != JsonValueKind.String) return null;
            var operationName = root["operationName"] switch
            {
                null => null,
                JsonValue name when name.GetValueKind() == JsonValueKind.String => name.GetValue<string>(),
                _ => "",
            };
            if (operationName == "") return null;
            return root["variables"] switch
            {
                null => (query.GetValue<string>(), null, operationName),
                JsonObject variables => (query.GetValue<string>(), variables, operationName),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Errors(string message, JsonObject? extensions = null)
    {
        var error = new JsonObject { ["message"] = message };
        if (extensions is not null) error["extensions"] = extensions;
        return new JsonObject { ["errors"] = new JsonArray(error) };
    }

    private JsonObject Cost(int requested, int? actual, ShopifyCostBucket bucket) => new()
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = actual,
        ["throttleStatus"] = bucket.Status(clock.GetUtcNow()),
    };

    private static IResult Answer(JsonObject body, JsonObject? cost)
    {
        if (cost is not null) body["extensions"] = new JsonObject { ["cost"] = cost };
        return Results.Json(body);
    }

    /// <summary>What Shopify answers when it fails on its side.</summary>
    private static IResult Internal(HttpRequest http)
    {
        var requestId = http.HttpContext.TraceIdentifier;
        return Results.Json(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["message"] = $"Internal error. Looks like something went wrong on our end.\nRequest ID: {requestId}",
                ["extensions"] = new JsonObject { ["code"] = "INTERNAL_SERVER_ERROR", ["requestId"] = requestId },
            }),
        }, statusCode: StatusCodes.Status500InternalServerError);
    }
}
