using System.Globalization;
using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>productSet</c> and <c>productUpdate</c> (fact sheet §5.2) on a sandbox shop. productSet creates or, found by its
/// <c>identifier</c> (id or handle), updates a whole product: scalars omitted stay, the option and variant lists given
/// replace the stored ones. A variant keeps its id (and inventory item) when a variant with the same option values
/// existed. Refusals are <c>userErrors</c> with the offending field's path, beside a null product. Files are taken by
/// address: Shopify downloads them after answering, which the sandbox does not do; their addresses must be absolute
/// http(s) URLs. The sheet lists neither productSet's error codes nor their wording: the emulator answers BLANK,
/// INVALID and PRODUCT_DOES_NOT_EXIST with messages of its own.
/// </summary>
internal static class ShopifyProductMutations
{
    public static JsonObject Set(ShopifySandboxShop shop, JsonObject? identifier, JsonObject input, DateTimeOffset now)
    {
        lock (shop.Gate)
        {
            var errors = new JsonArray();
            var id = identifier?["id"]?.GetValue<string>();
            var handle = identifier?["handle"]?.GetValue<string>();
            var product = id is not null ? shop.Products.FirstOrDefault(p => ShopifyGid.Of("Product", p.Id) == id)
                : handle is not null ? shop.Products.FirstOrDefault(p => p.Handle == handle)
                : null;
            if (id is not null && product is null) return Payload(null, Error(errors, ["identifier", "id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST"));
            var title = input["title"]?.GetValue<string>();
            if (product is null && string.IsNullOrWhiteSpace(title)) Error(errors, ["input", "title"], "Title can't be blank", "BLANK");
            var options = input["productOptions"] is JsonArray o
                ? o.OfType<JsonObject>().Select(x => (Name: x["name"]?.GetValue<string>() ?? "",
                    Values: (x["values"] as JsonArray ?? []).OfType<JsonObject>().Select(v => v["name"]?.GetValue<string>() ?? "").ToList())).ToList()
                : null;
            var variants = input["variants"] as JsonArray;
            if (variants is not null && options is null && product is null) Error(errors, ["input", "productOptions"], "Options must be given with variants", "INVALID");
            var known = options ?? product?.Options ?? [];
            var parsed = new List<(List<(string Name, string Value)> Values, JsonObject Input)>();
            for (var i = 0; variants is not null && i < variants.Count; i++)
            {
                var variant = variants[i]!.AsObject();
                var values = (variant["optionValues"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(v => (Name: v["optionName"]?.GetValue<string>() ?? "", Value: v["name"]?.GetValue<string>() ?? "")).ToList();
                foreach (var (name, value) in values.Where(v => !known.Any(k => k.Name == v.Name && k.Values.Contains(v.Value))))
                    Error(errors, ["input", "variants", i.ToString(CultureInfo.InvariantCulture), "optionValues"], $"Option value '{value}' does not exist for option '{name}'", "INVALID");
                if (values.Count != known.Count) Error(errors, ["input", "variants", i.ToString(CultureInfo.InvariantCulture), "optionValues"], "A value is needed for every option", "INVALID");
                foreach (var quantity in (variant["inventoryQuantities"] as JsonArray ?? []).OfType<JsonObject>()
                             .Where(q => q["locationId"]?.GetValue<string>() != ShopifyGid.Of("Location", shop.LocationId)))
                    Error(errors, ["input", "variants", i.ToString(CultureInfo.InvariantCulture), "inventoryQuantities"], $"Location {quantity["locationId"]} does not exist", "INVALID");
                parsed.Add((values, variant));
            }
            foreach (var twice in parsed.GroupBy(p => string.Join('\u001f', p.Values)).Where(g => g.Count() > 1))
                Error(errors, ["input", "variants"], $"The variant '{string.Join(" / ", twice.First().Values.Select(v => v.Value))}' already exists.", "INVALID");
            var files = input["files"] as JsonArray;
            for (var i = 0; files is not null && i < files.Count; i++)
            {
                var source = files[i]?["originalSource"]?.GetValue<string>();
                if (source is null || !Uri.TryCreate(source, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    Error(errors, ["input", "files", i.ToString(CultureInfo.InvariantCulture), "originalSource"], "Image URL is invalid", "INVALID");
            }
            if (errors.Count > 0) return Payload(null, errors);

            if (product is null)
            {
                product = new ShopifySandboxProduct { Id = shop.NextId(), CreatedAt = now, Handle = handle ?? input["handle"]?.GetValue<string>() ?? Handle(title!) };
                shop.Products.Add(product);
                if (variants is null)
                    product.Variants = [new ShopifySandboxVariant { Id = shop.NextId(), InventoryItemId = shop.NextId(), OptionValues = [("Title", "Default Title")] }];
                if (options is null) product.Options = [("Title", ["Default Title"])];
            }
            if (title is not null) product.Title = title;
            if (input["descriptionHtml"]?.GetValue<string>() is { } description) product.DescriptionHtml = description;
            if (input["vendor"]?.GetValue<string>() is { } vendor) product.Vendor = vendor;
            if (input["status"]?.GetValue<string>() is { } status) product.Status = status;
            if (options is not null) product.Options = options;
            if (variants is not null) product.Variants = parsed.Select(p => Variant(shop, product, p.Values, p.Input)).ToList();
            if (files is not null)
                product.Media = files.OfType<JsonObject>().Select(f => (shop.NextId(), f["originalSource"]!.GetValue<string>(), f["alt"]?.GetValue<string>())).ToList();
            product.UpdatedAt = now;
            return Payload(product.Json(), errors);
        }
    }

    public static JsonObject Update(ShopifySandboxShop shop, JsonObject input, DateTimeOffset now)
    {
        lock (shop.Gate)
        {
            var product = shop.Products.FirstOrDefault(p => ShopifyGid.Of("Product", p.Id) == input["id"]?.GetValue<string>());
            if (product is null) return Payload(null, Error([], ["id"], "Product does not exist", null));
            if (input["title"]?.GetValue<string>() is { } title) product.Title = title;
            if (input["status"]?.GetValue<string>() is { } status) product.Status = status;
            if (input["descriptionHtml"]?.GetValue<string>() is { } description) product.DescriptionHtml = description;
            product.UpdatedAt = now;
            return Payload(product.Json(), []);
        }
    }

    private static ShopifySandboxVariant Variant(ShopifySandboxShop shop, ShopifySandboxProduct product, List<(string Name, string Value)> values, JsonObject input)
    {
        var variant = product.Variants.FirstOrDefault(v => v.OptionValues.SequenceEqual(values))
                      ?? new ShopifySandboxVariant { Id = shop.NextId(), InventoryItemId = shop.NextId() };
        variant.OptionValues = values;
        if (input["sku"]?.GetValue<string>() is { } sku) variant.Sku = sku;
        if (input["price"]?.GetValue<string>() is { } price) variant.Price = price;
        if (input["inventoryItem"]?["tracked"]?.GetValue<bool>() is { } tracked) variant.Tracked = tracked;
        if (input["inventoryItem"]?["sku"]?.GetValue<string>() is { } itemSku) variant.Sku = itemSku;
        foreach (var quantity in (input["inventoryQuantities"] as JsonArray ?? []).OfType<JsonObject>()) variant.Quantity = quantity["quantity"]!.GetValue<int>();
        return variant;
    }

    private static JsonArray Error(JsonArray errors, string[] field, string message, string? code)
    {
        var error = new JsonObject { ["field"] = new JsonArray(field.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()), ["message"] = message };
        if (code is not null) error["code"] = code;
        errors.Add(error);
        return errors;
    }

    private static JsonObject Payload(JsonObject? product, JsonArray errors) => new() { ["product"] = product, ["userErrors"] = errors };

    private static string Handle(string title) =>
        string.Join('-', new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
}
