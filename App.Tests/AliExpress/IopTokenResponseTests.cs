using System.Text.Json;
using Marketplaces.AliExpress;
using Marketplaces.Connections;

namespace Marketplaces.Tests.AliExpress;

public class IopTokenResponseTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1711606626000);

    /// <summary>The success body of shared/marketplaces/aliexpress.md §2.2.</summary>
    private const string SheetExample = """
        {"refresh_token_valid_time":1711779426000,"havana_id":"300002118000","expire_time":1711693026000,
         "locale":"zh_CN","user_nick":"kr10400008150000","access_token":"at-example","refresh_token":"rt-example",
         "user_id":"2637908814","account_platform":"buyerApp","refresh_expires_in":172800,"expires_in":86400,
         "sp":"ae","seller_id":"2637908814","account":"buyer@example.com","code":"0","request_id":"2141244f17116066265020000"}
        """;

    [Fact]
    public void Expiries_come_from_the_absolute_epoch_millisecond_fields()
    {
        var tokens = IopTokenResponse.Read(JsonDocument.Parse(SheetExample).RootElement, Now);
        Assert.Equal("at-example", tokens.AccessToken);
        Assert.Equal("rt-example", tokens.RefreshToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1711693026000), tokens.AccessTokenExpiresAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1711779426000), tokens.RefreshTokenExpiresAt);
    }

    [Fact]
    public void Without_absolute_times_the_second_counts_are_added_to_now()
    {
        var tokens = IopTokenResponse.Read(JsonDocument.Parse(
            """{"access_token":"a","refresh_token":"r","expires_in":86400,"refresh_expires_in":172800,"user_id":"1"}""").RootElement, Now);
        Assert.Equal(Now.AddDays(1), tokens.AccessTokenExpiresAt);
        Assert.Equal(Now.AddDays(2), tokens.RefreshTokenExpiresAt);
    }

    [Fact]
    public void The_account_fields_are_kept_as_details()
    {
        var details = IopTokenResponse.Read(JsonDocument.Parse(SheetExample).RootElement, Now).Details;
        Assert.Equal("2637908814", details["user_id"]);
        Assert.Equal("2637908814", details["seller_id"]);
        Assert.Equal("buyer@example.com", details["account"]);
        Assert.Equal("kr10400008150000", details["user_nick"]);
        Assert.Equal("buyerApp", details["account_platform"]);
        Assert.Equal("300002118000", details["havana_id"]);
        Assert.DoesNotContain("access_token", details.Keys);
        Assert.DoesNotContain("refresh_token", details.Keys);
    }

    [Fact]
    public void A_refresh_lifetime_of_zero_means_there_is_nothing_to_refresh_with()
    {
        var tokens = IopTokenResponse.Read(JsonDocument.Parse(
            """{"access_token":"a","refresh_token":"r","expires_in":86400,"refresh_expires_in":0,"user_id":"1"}""").RootElement, Now);
        Assert.Null(tokens.RefreshToken);
        Assert.Null(tokens.RefreshTokenExpiresAt);
    }

    [Theory]
    [InlineData("InvalidCode", MarketplaceErrorKind.ReauthorizationRequired)]
    [InlineData("IllegalRefreshToken", MarketplaceErrorKind.ReauthorizationRequired)]
    [InlineData("IncompleteSignature", MarketplaceErrorKind.Rejected)]
    [InlineData("InvalidAppkey", MarketplaceErrorKind.Rejected)]
    [InlineData("ServiceUnavailable", MarketplaceErrorKind.Transient)]
    [InlineData("ApiCallLimit", MarketplaceErrorKind.RateLimited)]
    public void Gateway_error_codes_become_typed_failures(string code, MarketplaceErrorKind kind)
    {
        var body = JsonDocument.Parse($$"""{"type":"ISV","code":"{{code}}","message":"explained","request_id":"1"}""").RootElement;
        var failure = IopFailure.FromRestBody(body, 200);
        Assert.NotNull(failure);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Contains("explained", failure.Message);
    }

    [Theory]
    [InlineData("""{"code":"0","access_token":"a"}""")]
    [InlineData("""{"code":"","access_token":"a"}""")]
    [InlineData("""{"access_token":"a"}""")]
    public void A_code_that_is_absent_empty_or_zero_is_success(string json) =>
        Assert.Null(IopFailure.FromRestBody(JsonDocument.Parse(json).RootElement, 200));
}
