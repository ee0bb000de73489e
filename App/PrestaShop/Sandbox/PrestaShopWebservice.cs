using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The webservice under /api (prestashop.md §1–§3): every call authenticated by key first, answered with the
/// webservice's headers; the root lists the resources the key may use; unknown resources are error 27.
/// </summary>
public sealed class PrestaShopWebservice(PrestaShopWebserviceAuthentication authentication, PrestaShopSandboxShop shop)
{
    private readonly IReadOnlyList<PrestaShopResourceTable> _resources = [PrestaShopConfigurations.Table(shop)];

    public void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers["PSWS-Version"] = PrestaShopSandboxShop.Version;
            http.Response.Headers["X-Powered-By"] = "PrestaShop Webservice";
            return await authentication.AuthenticateAsync(http.Request, http.RequestAborted) ?? await next(context);
        });
        api.MapGet("/", Root);
        foreach (var resource in _resources)
        {
            api.MapGet($"/{resource.Plural}", resource.List);
            api.MapGet($"/{resource.Plural}/{{id:int}}", resource.Single);
        }
        api.Map("/{resource}/{**rest}", Unsupported);
    }

    private IResult Root(HttpRequest request) => PrestaShopOutput.For(request).Document(
        new Dictionary<string, object>
        {
            ["api"] = _resources.ToDictionary(r => r.Plural, r => (object)new { description = r.Plural, get = "true", put = "false", post = "false", patch = "false", delete = "false", head = "true" }),
        },
        () => new XElement("api", new XAttribute("shopName", PrestaShopSandboxShop.Name), _resources.Select(r =>
            new XElement(r.Plural, Link($"{shop.ApiUrl}/{r.Plural}"), Permissions(),
                new XElement("description", Link($"{shop.ApiUrl}/{r.Plural}"), Permissions(), r.Plural),
                new XElement("schema", Link($"{shop.ApiUrl}/{r.Plural}?schema=blank"), new XAttribute("type", "blank")),
                new XElement("schema", Link($"{shop.ApiUrl}/{r.Plural}?schema=synopsis"), new XAttribute("type", "synopsis"))))));

    private IResult Unsupported(string resource, HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        return _resources.Any(r => r.Plural == resource)
            ? output.Errors(405, (25, $"Method {request.Method} is not allowed for the resource \"{resource}\" with this authentication key"))
            : output.Errors(400, (27, $"Resource of type \"{resource}\" does not exists. Did you mean: \"{_resources[0].Plural}\"?"));
    }

    private static XAttribute Link(string href) => new(PrestaShopOutput.XLink + "href", href);

    private static object[] Permissions() =>
        [new XAttribute("get", "true"), new XAttribute("put", "false"), new XAttribute("post", "false"),
         new XAttribute("patch", "false"), new XAttribute("delete", "false"), new XAttribute("head", "true")];
}
