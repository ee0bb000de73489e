using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Tests.Conformance;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;

namespace Marketplaces.Tests.Ebay.Orders;

/// <summary>Calls the emulator's Fulfillment API as a connected seller, and reads its errors.</summary>
public static class EbaySellerApi
{
    public const string OrdersPath = "/sandbox/ebay/api/sell/fulfillment/v1/order";

    private static readonly OpenApiSpec Fulfillment = OpenApiSpec.Load("ebay/sell_fulfillment_v1_oas3.json");

    /// <summary>Where a JSON value breaks one of the Fulfillment API's schemas.</summary>
    public static IReadOnlyList<string> Violations(JsonElement value, string schema) => SchemaCheck.Violations(value, Fulfillment.Schema(schema));

    /// <summary>
    /// An HTTP client with the access token of <paramref name="name"/>, connected as a seller would; with
    /// <paramref name="conforming"/> its calls and answers are held to the spec by the fixture's conformance check
    /// (not for tests that send malformed requests on purpose).
    /// </summary>
    public static async Task<HttpClient> SellerAsync(PollingFixture app, string name, bool conforming = false)
    {
        var (connection, _) = await app.ConnectEbayAsync(name);
        return WithToken(app, (await app.SecretsAsync(connection))[TokenVault.AccessToken], conforming);
    }

    public static HttpClient WithToken(PollingFixture app, string accessToken, bool conforming = false)
    {
        var http = conforming ? app.Conformance.CreateClient(app.ServerAddress) : new HttpClient { BaseAddress = app.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>The first error of an error answer, checked against the contract's Error schema.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, int errorId)
    {
        var body = await SandboxHttp.JsonAsync(response, status);
        Assert.Empty(Violations(body.GetProperty("errors")[0], "Error"));
        Assert.Equal(errorId, body.GetProperty("errors")[0].GetProperty("errorId").GetInt32());
        return body.GetProperty("errors")[0];
    }
}
