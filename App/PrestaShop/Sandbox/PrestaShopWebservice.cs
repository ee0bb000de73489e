using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The webservice under /api (prestashop.md §1–§3): every call authenticated by key first, answered with the
/// webservice's headers; a read-only key may only GET (405, code 25); the root lists the resources and what the key
/// may do with each; unknown resources are error 27.
/// </summary>
public sealed class PrestaShopWebservice(
    PrestaShopWebserviceAuthentication authentication, PrestaShopWebserviceKeys keys, PrestaShopSandboxShop shop,
    IReadOnlyList<PrestaShopResourceTable> resources, PrestaShopShippingWrites shipping, Catalog.PrestaShopCatalogWrites catalog)
{
    private static readonly Dictionary<string, string> Writes = new() { ["order_carriers"] = "PUT", ["order_histories"] = "POST" };

    public void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers["PSWS-Version"] = PrestaShopSandboxShop.Version;
            http.Response.Headers["X-Powered-By"] = "PrestaShop Webservice";
            return await authentication.AuthenticateAsync(http.Request, http.RequestAborted) ?? ReadOnlyRefusal(http.Request) ?? await next(context);
        });
        api.MapGet("/", Root);
        foreach (var resource in resources)
        {
            api.MapGet($"/{resource.Plural}", resource.List);
            api.MapGet($"/{resource.Plural}/{{id:int}}", resource.Single);
        }
        api.MapPut("/order_carriers/{id:int}", shipping.PutOrderCarrierAsync);
        api.MapPost("/order_histories", shipping.PostOrderHistoryAsync);
        catalog.Map(api);
        api.Map("/{resource}/{**rest}", Unsupported);
    }

    private IResult? ReadOnlyRefusal(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !keys.IsReadOnly(PrestaShopWebserviceAuthentication.KeyOf(request))) return null;
        return MethodNotAllowed(request, Resource(request));
    }

    private IResult Root(HttpRequest request) => PrestaShopOutput.For(request).Document(
        new Dictionary<string, object>
        {
            ["api"] = resources.ToDictionary(r => r.Plural, r => (object)new
            {
                description = r.Plural, get = "true", put = Allows(r, "PUT"), post = Allows(r, "POST"), patch = Allows(r, "PATCH"), delete = Allows(r, "DELETE"), head = "true",
            }),
        },
        () => new XElement("api", new XAttribute("shopName", PrestaShopSandboxShop.Name), resources.Select(r =>
            new XElement(r.Plural, Link($"{shop.ApiUrl}/{r.Plural}"), Permissions(r),
                new XElement("description", Link($"{shop.ApiUrl}/{r.Plural}"), Permissions(r), r.Plural),
                new XElement("schema", Link($"{shop.ApiUrl}/{r.Plural}?schema=blank"), new XAttribute("type", "blank")),
                new XElement("schema", Link($"{shop.ApiUrl}/{r.Plural}?schema=synopsis"), new XAttribute("type", "synopsis"))))));

    private IResult Unsupported(string resource, HttpRequest request) => resources.Any(r => r.Plural == resource)
        ? MethodNotAllowed(request, resource)
        : PrestaShopOutput.For(request).Errors(400, (27, $"Resource of type \"{resource}\" does not exists. Did you mean: \"{resources[0].Plural}\"?"));

    private static IResult MethodNotAllowed(HttpRequest request, string resource) => PrestaShopOutput.For(request)
        .Errors(405, (25, $"Method {request.Method} is not allowed for the resource {resource} with this authentication key"));

    private static string Resource(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var at = path.IndexOf("/api/", StringComparison.Ordinal);
        return at < 0 ? "" : path[(at + "/api/".Length)..].Split('/')[0];
    }

    private static string Allows(PrestaShopResourceTable resource, string method) =>
        Writes.GetValueOrDefault(resource.Plural) == method ? "true" : Catalog.PrestaShopCatalogWrites.Allows(resource.Plural, method);

    private static XAttribute Link(string href) => new(PrestaShopOutput.XLink + "href", href);

    private static object[] Permissions(PrestaShopResourceTable resource) =>
        [new XAttribute("get", "true"), new XAttribute("put", Allows(resource, "PUT")), new XAttribute("post", Allows(resource, "POST")),
         new XAttribute("patch", Allows(resource, "PATCH")), new XAttribute("delete", Allows(resource, "DELETE")), new XAttribute("head", "true")];
}
