using System.Net;
using System.Text;
using System.Xml.Linq;
using Marketplaces.PrestaShop;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.PrestaShop;

/// <summary>
/// Requests as PrestaShop's own PHP client sends them (recorded shapes, PrestaShop/PrestaShop-webservice-lib's
/// PSWebServiceLibrary.php): the key as the Basic user with an empty password, an empty <c>Expect:</c> header, query
/// parameters from http_build_query (brackets percent-encoded), XML answers (no output format asked), and writes as
/// curl's POSTFIELDS string, which goes with curl's default form content type while the body is raw XML.
/// </summary>
public sealed class PrestaShopClientConformanceTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly PrestaShopSandbox _shop = new(app);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? xml = null)
    {
        using var request = new HttpRequestMessage(method, $"/sandbox/prestashop/api/{pathAndQuery}");
        request.Headers.Authorization = PrestaShopAuthorization.Basic(await _shop.WebserviceKeyAsync());
        request.Headers.TryAddWithoutValidation("Expect", "");
        if (xml is not null) request.Content = new StringContent(xml, Encoding.UTF8, "application/x-www-form-urlencoded");
        return await _shop.Http.SendAsync(request);
    }

    private static async Task<XElement> XmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        return XDocument.Parse(text).Root!;
    }

    [Fact]
    public async Task The_libraries_add_get_edit_and_delete_of_a_product_work_as_on_a_shop()
    {
        const string Product = """
            <?xml version="1.0" encoding="UTF-8"?>
            <prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><product>
              <id_category_default>2</id_category_default><price>12.5</price><reference>LIB-MUG</reference><state>1</state><active>1</active>
              <name><language id="1"><![CDATA[Library mug]]></language></name>
              <link_rewrite><language id="1"><![CDATA[library-mug]]></language></link_rewrite>
            </product></prestashop>
            """;
        var added = await XmlAsync(await SendAsync(HttpMethod.Post, "products", Product), HttpStatusCode.Created);
        var id = added.Element("product")!.Element("id")!.Value;

        var found = await XmlAsync(await SendAsync(HttpMethod.Get, "products?display=full&filter%5Breference%5D=%5BLIB-MUG%5D"), HttpStatusCode.OK);
        Assert.Equal(id, found.Element("products")!.Element("product")!.Element("id")!.Value);

        var edited = XDocument.Parse(Product);
        var product = edited.Root!.Element("product")!;
        product.AddFirst(new XElement("id", id));
        product.Element("price")!.Value = "14";
        var saved = await XmlAsync(await SendAsync(HttpMethod.Put, $"products/{id}", edited.ToString()), HttpStatusCode.OK);
        Assert.Equal("14", saved.Element("product")!.Element("price")!.Value);

        using var deleted = await SendAsync(HttpMethod.Delete, $"products/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var gone = await SendAsync(HttpMethod.Get, $"products/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_body_sent_as_the_xml_form_field_is_read_too()
    {
        var xml = """<prestashop><product><price>3</price><reference>LIB-FORM</reference><name><language id="1">Form mug</language></name><link_rewrite><language id="1">form-mug</language></link_rewrite></product></prestashop>""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/prestashop/api/products")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["xml"] = xml }),
        };
        request.Headers.Authorization = PrestaShopAuthorization.Basic(await _shop.WebserviceKeyAsync());

        using var response = await _shop.Http.SendAsync(request);

        await XmlAsync(response, HttpStatusCode.Created);
    }
}
