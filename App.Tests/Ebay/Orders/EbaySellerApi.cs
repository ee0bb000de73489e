using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;

namespace Marketplaces.Tests.Ebay.Orders;

/// <summary>Calls the emulator's Fulfillment API as a connected seller, and reads its errors.</summary>
public static class EbaySellerApi
{
    public const string OrdersPath = "/sandbox/ebay/api/sell/fulfillment/v1/order";

    /// <summary>An HTTP client with the access token of <paramref name="name"/>, connected as a seller would.</summary>
    public static async Task<HttpClient> SellerAsync(PollingFixture app, string name)
    {
        var (connection, _) = await app.ConnectEbayAsync(name);
        return WithToken(app, (await app.SecretsAsync(connection))[TokenVault.AccessToken]);
    }

    public static HttpClient WithToken(PollingFixture app, string accessToken)
    {
        var http = new HttpClient { BaseAddress = app.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>The first error of an error answer, checked against the contract's Error schema.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, int errorId)
    {
        var body = await SandboxHttp.JsonAsync(response, status);
        Assert.Empty(OrderSchema.Violations(body.GetProperty("errors")[0], "Error"));
        Assert.Equal(errorId, body.GetProperty("errors")[0].GetProperty("errorId").GetInt32());
        return body.GetProperty("errors")[0];
    }
}
