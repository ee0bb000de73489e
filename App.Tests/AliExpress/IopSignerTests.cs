using Marketplaces.AliExpress;

namespace Marketplaces.Tests.AliExpress;

/// <summary>The worked examples of shared/marketplaces/aliexpress.md §3.1, all with app_secret "helloworld".</summary>
public class IopSignerTests
{
    private const string Secret = "helloworld";

    private static readonly Dictionary<string, string> ProductGet = new()
    {
        ["app_key"] = "12345678", ["method"] = "aliexpress.ds.product.get", ["session"] = "50000001234TESTsession",
        ["sign_method"] = "sha256", ["timestamp"] = "1517820392000", ["product_id"] = "1005003784285827",
        ["ship_to_country"] = "US", ["target_currency"] = "USD", ["target_language"] = "en",
    };

    [Fact]
    public void Example_A_token_create_is_signed_with_the_api_path_as_prefix()
    {
        var parameters = new Dictionary<string, string>
        {
            ["timestamp"] = "1517820392000", ["sign_method"] = "sha256", ["code"] = "3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26", ["app_key"] = "12345678",
        };
        Assert.Equal("/auth/token/createapp_key12345678code3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26sign_methodsha256timestamp1517820392000",
            IopSigner.StringToSign("/auth/token/create", parameters));
        Assert.Equal("35607762342831B6A417A0DED84B79C05FEFBF116969C48AD6DC00279A9F4D81", IopSigner.Sign(Secret, "/auth/token/create", parameters));
    }

    [Fact]
    public void Example_B_the_published_http_sample_reproduces_with_the_order_get_prefix()
    {
        var parameters = new Dictionary<string, string>
        {
            ["access_token"] = "test", ["app_key"] = "123456", ["order_id"] = "1234", ["sign_method"] = "sha256", ["timestamp"] = "1517820392000",
        };
        Assert.Equal("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A", IopSigner.Sign(Secret, "/order/get", parameters));
    }

    [Fact]
    public void Example_C_refresh_is_signed_with_its_own_path()
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = "12345678", ["refresh_token"] = "50001600212wcwiOabcdefTESTrefresh", ["sign_method"] = "sha256", ["timestamp"] = "1517820392000",
        };
        Assert.Equal("BBA7C856ADF1DB9E0A108794C8997CD87BC5C779DD5BD00FDBCF6B87429AA904", IopSigner.Sign(Secret, "/auth/token/refresh", parameters));
    }

    [Fact]
    public void Example_D_business_calls_sign_method_as_a_parameter_without_prefix()
    {
        Assert.Equal("app_key12345678methodaliexpress.ds.product.getproduct_id1005003784285827session50000001234TESTsession" +
                     "ship_to_countryUSsign_methodsha256target_currencyUSDtarget_languageentimestamp1517820392000",
            IopSigner.StringToSign(null, ProductGet));
        Assert.Equal("08DD3F6510A3DCA19BC4DEA06320CCB4FB7E2E2FF43D9F87FAB05985287282B8", IopSigner.Sign(Secret, null, ProductGet));
    }

    [Fact]
    public void Example_E_a_json_valued_parameter_is_signed_as_the_exact_json_text()
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = "12345678", ["method"] = "aliexpress.trade.ds.order.get", ["session"] = "50000001234TESTsession",
            ["sign_method"] = "sha256", ["timestamp"] = "1517820392000", ["single_order_query"] = "{\"order_id\":\"8198352049851315\"}",
        };
        Assert.Equal("76686A1CF4827E78621344EDDBA97F27E3A3F9D086B88ED5A9675AD91D2D3FC9", IopSigner.Sign(Secret, null, parameters));
    }

    [Fact]
    public void Example_D_signed_with_the_api_name_as_prefix_instead_of_method_is_the_documented_wrong_value()
    {
        var withoutMethod = ProductGet.Where(p => p.Key != "method").ToDictionary();
        var wrong = IopSigner.Sign(Secret, "aliexpress.ds.product.get", withoutMethod);
        Assert.Equal("6F88CD865B8C9C8EF3676ABAF1B5B160B8CBEB32D8B01EB7CAD10AF578B0E448", wrong);
        Assert.False(IopSigner.Verify(Secret, null, ProductGet, wrong));
    }

    [Fact]
    public void Verification_accepts_the_upper_case_signature_only()
    {
        const string sign = "08DD3F6510A3DCA19BC4DEA06320CCB4FB7E2E2FF43D9F87FAB05985287282B8";
        Assert.True(IopSigner.Verify(Secret, null, ProductGet, sign));
        Assert.False(IopSigner.Verify(Secret, null, ProductGet, sign.ToLowerInvariant()));
    }

    [Fact]
    public void The_sign_parameter_itself_is_never_signed()
    {
        var withSign = new Dictionary<string, string>(ProductGet) { ["sign"] = "anything" };
        Assert.Equal(IopSigner.Sign(Secret, null, ProductGet), IopSigner.Sign(Secret, null, withSign));
    }

    [Fact]
    public void Names_sort_ordinally_so_upper_case_comes_before_lower_case()
    {
        var parameters = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["Z"] = "3", ["_x"] = "4" };
        Assert.Equal("Z3_x4a1b2", IopSigner.StringToSign(null, parameters));
    }
}
