using System.Globalization;
using System.Text.Json;
using Marketplaces.AliExpress;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.AliExpress;

/// <summary>The AliExpress emulator over real HTTP: consent, the signed token interfaces, the /sync gateway.</summary>
public class AliExpressEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly AliExpressSandboxDriver _driver = new(app);

    [Fact]
    public async Task Consent_page_offers_approve_and_deny()
    {
        var before = _driver.Journal.Count("aliexpress", "authorize");
        var page = await _driver.Http.GetStringAsync(await _driver.AuthorizeUrlAsync());
        Assert.Contains(">Approve</button>", page);
        Assert.Contains(">Deny</button>", page);
        Assert.Equal(before + 1, _driver.Journal.Count("aliexpress", "authorize"));
    }

    [Fact]
    public async Task Approve_redirects_to_the_registered_callback_with_a_code_and_the_state()
    {
        var response = await SandboxConsentPage.DecideAsync(_driver.Http, await _driver.AuthorizeUrlAsync(), "approve");
        var parameters = SandboxConsentPage.RedirectParameters(response);
        Assert.StartsWith(_driver.Callback + "?", response.Headers.Location!.ToString());
        Assert.StartsWith("3_500102_", parameters["code"]);
        Assert.Equal("state-42", parameters["state"]);
    }

    [Fact]
    public async Task Deny_redirects_with_access_denied_and_the_state()
    {
        var parameters = SandboxConsentPage.RedirectParameters(
            await SandboxConsentPage.DecideAsync(_driver.Http, await _driver.AuthorizeUrlAsync(), "deny"));
        Assert.Equal("access_denied", parameters["error"]);
        Assert.Equal("state-42", parameters["state"]);
        Assert.DoesNotContain("code", parameters.Keys);
    }

    [Fact]
    public async Task Authorize_with_another_redirect_uri_shows_an_error_instead_of_redirecting()
    {
        var response = await _driver.Http.GetAsync(await _driver.AuthorizeUrlAsync(redirectUri: _driver.Callback + "/"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorize_with_an_unknown_app_key_shows_an_error()
    {
        var response = await _driver.Http.GetAsync(await _driver.AuthorizeUrlAsync(clientId: "12345678"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_create_answers_the_flat_token_body_with_the_test_app_lifetimes()
    {
        var before = _driver.Journal.Count("aliexpress", "token");
        var started = DateTimeOffset.UtcNow;
        var tokens = await _driver.CreateTokenAsync(await _driver.ApproveAsync("first-buyer"));
        Assert.Equal("0", tokens.GetProperty("code").GetString());
        Assert.StartsWith("50000", tokens.GetProperty("access_token").GetString());
        Assert.StartsWith("50001", tokens.GetProperty("refresh_token").GetString());
        Assert.Equal(86400, tokens.GetProperty("expires_in").GetInt64());
        Assert.Equal(172800, tokens.GetProperty("refresh_expires_in").GetInt64());
        var expireTime = DateTimeOffset.FromUnixTimeMilliseconds(tokens.GetProperty("expire_time").GetInt64());
        Assert.InRange(expireTime, started.AddDays(1).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(1).AddSeconds(5));
        Assert.Equal("buyerApp", tokens.GetProperty("account_platform").GetString());
        Assert.Equal(before + 1, _driver.Journal.Count("aliexpress", "token"));
    }

    [Fact]
    public async Task The_account_named_on_the_consent_page_decides_the_ids_and_the_same_name_gives_the_same_account()
    {
        var first = await _driver.CreateTokenAsync(await _driver.ApproveAsync("buyer-one"));
        var again = await _driver.CreateTokenAsync(await _driver.ApproveAsync("buyer-one"));
        var other = await _driver.CreateTokenAsync(await _driver.ApproveAsync("buyer-two"));
        Assert.Equal(first.GetProperty("user_id").GetString(), again.GetProperty("user_id").GetString());
        Assert.NotEqual(first.GetProperty("user_id").GetString(), other.GetProperty("user_id").GetString());
        Assert.Contains("buyer-two", other.GetProperty("account").GetString());
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var code = await _driver.ApproveAsync();
        Assert.Equal("0", (await _driver.CreateTokenAsync(code)).GetProperty("code").GetString());
        var reused = await _driver.CreateTokenAsync(code);
        Assert.Equal("InvalidCode", reused.GetProperty("code").GetString());
        Assert.Equal("ISV", reused.GetProperty("type").GetString());
        Assert.True(reused.TryGetProperty("message", out _));
        Assert.False(reused.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Sending_uuid_with_the_code_makes_it_fail_as_the_reference_warns()
    {
        var code = await _driver.ApproveAsync();
        var answer = await _driver.SignedPostAsync(AliExpressSandboxDriver.CreatePath, IopTokenProtocol.CreateTokenPath,
            await _driver.ParametersAsync(("code", code), ("uuid", "abc")));
        Assert.Equal("InvalidCode", answer.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("signed with another secret", "IncompleteSignature")]
    [InlineData("signed without the api path prefix", "IncompleteSignature")]
    [InlineData("signature in lower case", "IncompleteSignature")]
    [InlineData("timestamp older than 7200 seconds", "IncompleteSignature")]
    [InlineData("timestamp in seconds", "IncompleteSignature")]
    [InlineData("an empty parameter", "IncompleteSignature")]
    [InlineData("sign_method md5", "IncompleteSignature")]
    [InlineData("another app key", "InvalidAppkey")]
    public async Task Token_create_rejects_a_flawed_request_without_using_up_the_code(string flaw, string errorCode)
    {
        var code = await _driver.ApproveAsync();
        var (_, secret) = await _driver.AppAsync();
        var parameters = await _driver.ParametersAsync(("code", code));
        string? prefix = IopTokenProtocol.CreateTokenPath;
        switch (flaw)
        {
            case "signed with another secret": secret = "helloworld"; break;
            case "signed without the api path prefix": prefix = null; break;
            case "timestamp older than 7200 seconds":
                parameters["timestamp"] = DateTimeOffset.UtcNow.AddSeconds(-7260).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                break;
            case "timestamp in seconds":
                parameters["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                break;
            case "an empty parameter": parameters["simplify"] = ""; break;
            case "sign_method md5": parameters["sign_method"] = "md5"; break;
            case "another app key": parameters["app_key"] = "12345678"; break;
        }
        var sign = IopSigner.Sign(secret, prefix, parameters);
        parameters["sign"] = flaw == "signature in lower case" ? sign.ToLowerInvariant() : sign;

        var answer = await _driver.PostAsync(AliExpressSandboxDriver.CreatePath, parameters);

        Assert.Equal(errorCode, answer.GetProperty("code").GetString());
        Assert.False(answer.TryGetProperty("access_token", out _));
        Assert.Equal("0", (await _driver.CreateTokenAsync(code)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Parameters_may_come_in_the_query_as_the_java_sdk_sends_them()
    {
        var parameters = await _driver.ParametersAsync(("code", await _driver.ApproveAsync()));
        parameters["sign"] = IopSigner.Sign((await _driver.AppAsync()).Secret, IopTokenProtocol.CreateTokenPath, parameters);
        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(AliExpressSandboxDriver.CreatePath, parameters!);
        var response = await _driver.Http.PostAsync(url, new FormUrlEncodedContent([]));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("0", answer.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_without_extending_its_validity()
    {
        var first = await _driver.CreateTokenAsync(await _driver.ApproveAsync());
        var before = _driver.Journal.Count("aliexpress", "refresh");
        var refreshed = await _driver.RefreshAsync(first.GetProperty("refresh_token").GetString()!);

        Assert.Equal("0", refreshed.GetProperty("code").GetString());
        Assert.NotEqual(first.GetProperty("access_token").GetString(), refreshed.GetProperty("access_token").GetString());
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal(first.GetProperty("refresh_token_valid_time").GetInt64(), refreshed.GetProperty("refresh_token_valid_time").GetInt64());
        Assert.Equal(first.GetProperty("user_id").GetString(), refreshed.GetProperty("user_id").GetString());
        Assert.Equal(before + 1, _driver.Journal.Count("aliexpress", "refresh"));

        var replayed = await _driver.RefreshAsync(first.GetProperty("refresh_token").GetString()!);
        Assert.Equal("IllegalRefreshToken", replayed.GetProperty("code").GetString());
        Assert.Equal("0", (await _driver.RefreshAsync(refreshed.GetProperty("refresh_token").GetString()!)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_signed_with_the_create_prefix_is_rejected()
    {
        var first = await _driver.CreateTokenAsync(await _driver.ApproveAsync());
        var answer = await _driver.SignedPostAsync(AliExpressSandboxDriver.RefreshPath, IopTokenProtocol.CreateTokenPath,
            await _driver.ParametersAsync(("refresh_token", first.GetProperty("refresh_token").GetString()!)));
        Assert.Equal("IncompleteSignature", answer.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sync_verifies_the_business_signature_and_session_then_answers_unknown_methods_with_error_response()
    {
        var session = (await _driver.CreateTokenAsync(await _driver.ApproveAsync())).GetProperty("access_token").GetString()!;
        var answer = await _driver.SignedPostAsync(AliExpressSandboxDriver.SyncPath, null,
            await _driver.ParametersAsync(("method", "aliexpress.ds.not.there"), ("session", session)));
        var error = answer.GetProperty("error_response");
        Assert.Equal("InvalidApiPath", error.GetProperty("code").GetString());
        Assert.True(error.TryGetProperty("msg", out _));
        Assert.True(error.TryGetProperty("request_id", out _));
    }

    [Fact]
    public async Task Sync_rejects_a_call_signed_with_the_api_name_as_prefix()
    {
        var session = (await _driver.CreateTokenAsync(await _driver.ApproveAsync())).GetProperty("access_token").GetString()!;
        var parameters = await _driver.ParametersAsync(("method", "aliexpress.ds.product.get"), ("session", session));
        var answer = await _driver.SignedPostAsync(AliExpressSandboxDriver.SyncPath, "aliexpress.ds.product.get", parameters);
        Assert.Equal("IncompleteSignature", answer.GetProperty("error_response").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sync_rejects_an_unknown_session()
    {
        var answer = await _driver.SignedPostAsync(AliExpressSandboxDriver.SyncPath, null,
            await _driver.ParametersAsync(("method", "aliexpress.ds.product.get"), ("session", "50000notatoken")));
        Assert.Equal("IllegalAccessToken", answer.GetProperty("error_response").GetProperty("code").GetString());
    }
}
