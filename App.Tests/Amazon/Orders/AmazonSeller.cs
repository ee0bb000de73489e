using Marketplaces.Amazon.Sandbox;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon.Orders;

/// <summary>A built-in sandbox Amazon seller connected to the app: its connection, its order book and its access token.</summary>
public sealed record AmazonSeller(Guid Connection, AmazonSandboxAccount Account, SandboxOrderBook Book, string AccessToken)
{
    public static async Task<AmazonSeller> ConnectAsync(PollingFixture app, string name)
    {
        var connection = await app.ConnectAsync("amazon", name);
        var account = AmazonSandboxAccount.FromName(name);
        var book = app.Services.GetServices<ISandboxEmulator>().OfType<AmazonOrdersEmulator>().Single().Book(account);
        return new AmazonSeller(connection, account, book, (await app.SecretsAsync(connection))[TokenVault.AccessToken]);
    }

    /// <summary>
    /// Makes the emulator hold the seller's access token expired now, long before the expiry the app recorded
    /// (clock skew, a refresh that missed its slot).
    /// </summary>
    public async Task ExpireAccessTokenEarlyAsync(PollingFixture app)
    {
        await using var db = await app.ContextAsync();
        var hash = SandboxGrants.Hash(AccessToken);
        await db.Set<SandboxGrant>().Where(g => g.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    /// <summary>An HTTP client calling the emulator's SP-API as this seller.</summary>
    public HttpClient Http(PollingFixture app)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.ServerAddress, "/sandbox/amazon/sp-api/") };
        http.DefaultRequestHeaders.Add("x-amz-access-token", AccessToken);
        return http;
    }
}
