using System.Text.Json;
using System.Xml.Linq;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.PrestaShop;

public sealed class PrestaShopEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private const string Realm =
        "Basic realm=\"Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required.\"";

    private readonly PrestaShopSandbox _sandbox = new(app);

    [Fact]
    public async Task The_front_page_shows_a_32_character_webservice_key()
    {
        Assert.Matches("^[A-Z0-9]{32}$", await _sandbox.WebserviceKeyAsync());
    }

    [Fact]
    public async Task A_call_without_a_key_asks_for_one_with_the_webservice_realm()
    {
        using var response = await _sandbox.GetAsync("", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Realm, response.Headers.WwwAuthenticate.ToString());
        Assert.Equal([(16, "Please enter the authentication key as the login. No password required")], await PrestaShopSandbox.XmlErrorsAsync(response));
    }

    [Fact]
    public async Task A_key_of_the_wrong_length_is_error_18_in_xml_by_default()
    {
        using var response = await _sandbox.GetAsync("", key: "TOO-SHORT");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([(18, "Invalid authentication key format")], await PrestaShopSandbox.XmlErrorsAsync(response));
    }

    [Fact]
    public async Task An_unknown_key_is_refused_in_json_when_json_is_asked_for()
    {
        using var response = await _sandbox.GetAsync("?output_format=JSON", key: new string('A', 32));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Realm, response.Headers.WwwAuthenticate.ToString());
        Assert.Equal([(20, "Authentification key is not active"), (21, "No permission for this authentication key")],
            await PrestaShopSandbox.JsonErrorsAsync(response));
    }

    [Fact]
    public async Task The_root_lists_the_resources_for_a_good_key_with_the_webservice_headers()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var response = await _sandbox.GetAsync("", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PrestaShop Webservice", response.Headers.GetValues("X-Powered-By").Single());
        Assert.True(response.Headers.Contains("PSWS-Version"));
        var api = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("api")!;
        Assert.Equal("Marketplaces Sandbox Shop", api.Attribute("shopName")!.Value);
        Assert.NotNull(api.Element("configurations"));
    }

    [Fact]
    public async Task The_key_may_also_come_as_ws_key_in_the_query()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var response = await _sandbox.Http.GetAsync($"/sandbox/prestashop/api/?ws_key={key}&output_format=JSON");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_shop_name_is_read_from_configurations_with_a_filter_and_display_full()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var response = await _sandbox.GetAsync("configurations?filter[name]=[PS_SHOP_NAME]&display=full&output_format=JSON", key);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = Assert.Single(json.RootElement.GetProperty("configurations").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("id").ValueKind);
        Assert.Equal("PS_SHOP_NAME", row.GetProperty("name").GetString());
        Assert.Equal("Marketplaces Sandbox Shop", row.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_list_without_display_has_only_ids()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var response = await _sandbox.GetAsync("configurations?output_format=JSON", key);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(json.RootElement.GetProperty("configurations").EnumerateArray(),
            row => Assert.Equal(["id"], row.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Unknown_filters_resources_and_ids_are_refused_as_prestashop_does()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var filter = await _sandbox.GetAsync("configurations?filter[colour]=[red]&output_format=JSON", key);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Equal(32, (await PrestaShopSandbox.JsonErrorsAsync(filter)).Single().Code);

        using var resource = await _sandbox.GetAsync("unicorns?output_format=JSON", key);
        Assert.Equal(HttpStatusCode.BadRequest, resource.StatusCode);
        Assert.Equal(27, (await PrestaShopSandbox.JsonErrorsAsync(resource)).Single().Code);

        using var missing = await _sandbox.GetAsync("configurations/999", key);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsStringAsync());
    }
}
