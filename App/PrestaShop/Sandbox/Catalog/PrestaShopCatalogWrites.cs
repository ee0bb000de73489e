using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;

namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>
/// The catalog's writes (prestashop.md §4.1–§4.4): POST adds (no id, 91), PUT replaces (id required, 90), PATCH
/// changes the fields it names, DELETE removes; each answered with the saved row as a read would print it. What the
/// rules cannot see is checked here: a product's category and tax rule group exist, a combination's product and option
/// values exist, an option value's group exists. stock_availables take PUT and PATCH only. Images are POSTed as a
/// multipart file named <c>image</c> and must decode as JPEG, PNG, GIF or WebP.
/// </summary>
public sealed class PrestaShopCatalogWrites(PrestaShopSandboxCatalog catalog, IReadOnlyDictionary<string, PrestaShopResourceTable> tables)
{
    public static readonly PrestaShopCatalogResource[] Resources =
    [
        PrestaShopCatalogResources.Products, PrestaShopCatalogResources.Combinations, PrestaShopCatalogResources.Options,
        PrestaShopCatalogResources.OptionValues, PrestaShopCatalogResources.Stock,
    ];

    public void Map(IEndpointRouteBuilder api)
    {
        foreach (var resource in Resources)
        {
            if (resource != PrestaShopCatalogResources.Stock) api.MapPost($"/{resource.Plural}", (HttpRequest request) => WriteAsync(resource, null, request, patch: false));
            api.MapPut($"/{resource.Plural}/{{id:int}}", (int id, HttpRequest request) => WriteAsync(resource, id, request, patch: false));
            api.MapPatch($"/{resource.Plural}/{{id:int}}", (int id, HttpRequest request) => WriteAsync(resource, id, request, patch: true));
            if (resource != PrestaShopCatalogResources.Stock) api.MapDelete($"/{resource.Plural}/{{id:int}}", (int id, HttpRequest request) => Delete(resource, id, request));
        }
        api.MapPost("/images/products/{id:int}", UploadAsync);
        api.MapDelete("/images/products/{id:int}/{imageId:int}", DeleteImage);
    }

    /// <summary>Which methods a resource takes, for the webservice's root listing.</summary>
    public static string Allows(string plural, string method) =>
        Resources.Any(r => r.Plural == plural) && !(plural == "stock_availables" && method is "POST" or "DELETE") && method is "POST" or "PUT" or "PATCH" or "DELETE"
            ? "true" : "false";

    private async Task<IResult> WriteAsync(PrestaShopCatalogResource resource, int? id, HttpRequest request, bool patch)
    {
        var output = PrestaShopOutput.For(request);
        var (input, xmlError) = await PrestaShopXmlInput.ReadAsync(request);
        if (xmlError is { } x) return output.Errors(x.Status, (x.Code, x.Message));
        var bodyId = PrestaShopXmlInput.Field(input!, "id");
        if (id is null && bodyId is { Length: > 0 }) return output.Errors(400, (91, "id is forbidden when adding a new resource"));
        if (id is not null && bodyId is not { Length: > 0 }) return output.Errors(400, (90, "id is required when modifying a resource"));
        if (id is not null && bodyId != id.Value.ToString(CultureInfo.InvariantCulture)) return output.Errors(400, (89, "id does not match the resource identifier in the URL"));
        int saved;
        lock (catalog.Gate)
        {
            var table = catalog.Table(resource.Plural);
            PrestaShopEntity entity;
            if (id is { } existing)
            {
                if (!table.TryGetValue(existing, out var found)) return output.Errors(404, (87, $"Id(s) not exists: {existing}"));
                entity = Copy(found);
            }
            else entity = new PrestaShopEntity(0);
            if (resource.Rules.Apply(input!, entity, patch) is { } invalid) return output.Errors(400, invalid);
            if (Refusal(resource, entity) is { } refused) return output.Errors(400, refused);
            if (id is null) entity = Renumbered(entity, catalog.NextId(resource.Plural));
            Saved(resource, entity, created: id is null);
            saved = entity.Id;
        }
        return tables[resource.Plural].Saved(saved, request, id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private IResult Delete(PrestaShopCatalogResource resource, int id, HttpRequest request)
    {
        lock (catalog.Gate)
        {
            if (!catalog.Table(resource.Plural).Remove(id, out var removed)) return PrestaShopOutput.For(request).Errors(404, (87, $"Id(s) not exists: {id}"));
            var key = id.ToString(CultureInfo.InvariantCulture);
            var stock = catalog.Table("stock_availables");
            foreach (var row in stock.Values.Where(s => resource == PrestaShopCatalogResources.Products ? s["id_product"] == key : s["id_product_attribute"] == key).ToList())
                stock.Remove(row.Id);
            if (resource == PrestaShopCatalogResources.Combinations && catalog.Table("products").TryGetValue(int.Parse(removed["id_product"], CultureInfo.InvariantCulture), out var product))
                catalog.Link(product);
        }
        return Results.Ok();
    }

    private async Task<IResult> UploadAsync(int id, HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        lock (catalog.Gate)
        {
            if (!catalog.Table("products").ContainsKey(id)) return output.Errors(404, (87, $"Id(s) not exists: {id}"));
        }
        if (!request.HasFormContentType || (await request.ReadFormAsync(request.HttpContext.RequestAborted)).Files.GetFile("image") is not { } file)
            return output.Errors(400, (64, "Please set an \"image\" parameter with image data for value"));
        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        {
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, request.HttpContext.RequestAborted);
            bytes = memory.ToArray();
        }
        using (var codec = SKCodec.Create(new MemoryStream(bytes)))
        {
            if (codec?.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Webp))
                return output.Errors(400, (66, "Image format not recognized, allowed formats are: .gif, .jpg, .png, .webp"));
        }
        int imageId;
        lock (catalog.Gate)
        {
            imageId = catalog.NextId("images");
            if (!catalog.Images.TryGetValue(id, out var images)) catalog.Images[id] = images = [];
            images.Add((imageId, bytes.Length));
            catalog.Link(catalog.Table("products")[id]);
        }
        return PrestaShopOutput.Xml(new XElement("image", new XElement("id", new XCData(imageId.ToString(CultureInfo.InvariantCulture))),
            new XElement("id_product", new XCData(id.ToString(CultureInfo.InvariantCulture)))));
    }

    private IResult DeleteImage(int id, int imageId, HttpRequest request)
    {
        lock (catalog.Gate)
        {
            if (!catalog.Images.TryGetValue(id, out var images) || images.RemoveAll(i => i.Id == imageId) == 0)
                return PrestaShopOutput.For(request).Errors(404, (87, $"Id(s) not exists: {imageId}"));
            catalog.Link(catalog.Table("products")[id]);
        }
        return Results.Ok();
    }

    /// <summary>References the field rules cannot check: they must name rows that exist.</summary>
    private (int, string)? Refusal(PrestaShopCatalogResource resource, PrestaShopEntity entity)
    {
        string NotValid(string className, string field) => $"Validation error: \"Property {className}->{field} is not valid\"";
        if (resource == PrestaShopCatalogResources.Products)
        {
            if (!PrestaShopCatalogReferenceData.IsCategory(entity["id_category_default"])) return (85, NotValid("Product", "id_category_default"));
            if (!PrestaShopCatalogReferenceData.IsTaxRuleGroup(entity["id_tax_rules_group"])) return (85, NotValid("Product", "id_tax_rules_group"));
            if (entity.Associated("categories").FirstOrDefault(c => !PrestaShopCatalogReferenceData.IsCategory(c)) is { } category)
                return (85, $"Validation error: \"Category {category} does not exist\"");
        }
        if (resource == PrestaShopCatalogResources.Combinations)
        {
            if (!int.TryParse(entity["id_product"], out var product) || !catalog.Table("products").ContainsKey(product)) return (85, NotValid("Combination", "id_product"));
            var values = catalog.Table("product_option_values");
            if (entity.Associated("product_option_values").FirstOrDefault(v => !int.TryParse(v, out var value) || !values.ContainsKey(value)) is { } unknown)
                return (85, $"Validation error: \"Attribute {unknown} does not exist\"");
        }
        if (resource == PrestaShopCatalogResources.OptionValues
            && (!int.TryParse(entity["id_attribute_group"], out var group) || !catalog.Table("product_options").ContainsKey(group)))
            return (85, NotValid("Attribute", "id_attribute_group"));
        return null;
    }

    private void Saved(PrestaShopCatalogResource resource, PrestaShopEntity entity, bool created)
    {
        var table = catalog.Table(resource.Plural);
        var previous = table.GetValueOrDefault(entity.Id);
        if (resource == PrestaShopCatalogResources.Products)
        {
            entity.Values["date_add"] = previous?["date_add"] ?? catalog.Now();
            entity.Values["date_upd"] = catalog.Now();
            foreach (var kept in new[] { "combinations", "images", "stock_availables" })
                if (previous?.Associations.TryGetValue(kept, out var items) == true) entity.Associations[kept] = items;
        }
        table[entity.Id] = entity;
        if (resource == PrestaShopCatalogResources.Products && created) catalog.AddStock(entity, 0);
        if (resource == PrestaShopCatalogResources.Combinations || resource == PrestaShopCatalogResources.Stock)
        {
            var product = catalog.Table("products")[int.Parse(entity["id_product"], CultureInfo.InvariantCulture)];
            if (resource == PrestaShopCatalogResources.Combinations && created) catalog.AddStock(product, entity.Id);
            else catalog.Link(product);
        }
    }

    private static PrestaShopEntity Copy(PrestaShopEntity from) => Renumbered(from, from.Id);

    private static PrestaShopEntity Renumbered(PrestaShopEntity from, int id)
    {
        var copy = new PrestaShopEntity(id);
        foreach (var (k, v) in from.Values) copy.Values[k] = v;
        foreach (var (k, v) in from.Translations) copy.Translations[k] = new Dictionary<int, string>(v);
        foreach (var (k, v) in from.Associations) copy.Associations[k] = v.Select(i => new Dictionary<string, string>(i)).ToList();
        return copy;
    }
}
