using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.PrestaShop;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.PrestaShop;

public sealed class PrestaShopConnectionTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly PrestaShopSandbox _sandbox = new(app);

    private KeyConnections Keys => app.Services.GetRequiredService<KeyConnections>();
    private ConnectionStore Store => app.Services.GetRequiredService<ConnectionStore>();

    private async Task<int> PrestaShopConnectionsAsync() => (await Store.ListAsync()).Count(c => c.Marketplace == "prestashop");

    private Task<ConnectOutcome> ConnectAsync(string key) => Keys.ConnectAsync("prestashop", MarketplaceEnvironment.BuiltInSandbox, _sandbox.StoreUrl,
        new Dictionary<string, string> { [PrestaShopKeyConnector.WebserviceKey] = key }, TestUsers.OwnerEmail);

    [Fact]
    public async Task A_wrong_key_says_so_with_prestashops_message_and_saves_nothing()
    {
        var before = await PrestaShopConnectionsAsync();

        var outcome = await ConnectAsync(new string('Z', 32));

        Assert.False(outcome.Succeeded);
        Assert.Equal("PrestaShop did not accept these keys: PrestaShop answered 401: Authentification key is not active (20); " +
            "No permission for this authentication key (21)", outcome.Message);
        Assert.Equal(before, await PrestaShopConnectionsAsync());
    }

    [Fact]
    public async Task A_key_of_the_wrong_format_says_so()
    {
        var outcome = await ConnectAsync("short");
        Assert.False(outcome.Succeeded);
        Assert.EndsWith("Invalid authentication key format (18)", outcome.Message);
    }

    [Fact]
    public async Task The_right_key_connects_the_store_named_after_the_shop()
    {
        var key = await _sandbox.WebserviceKeyAsync();

        var outcome = await ConnectAsync(key);

        Assert.True(outcome.Succeeded, outcome.Message);
        var connection = (await Store.FindAsync(outcome.ConnectionId!.Value))!;
        Assert.Equal(_sandbox.StoreUrl, connection.AccountId);
        Assert.Equal("Marketplaces Sandbox Shop", connection.DisplayName);
        Assert.True((await Store.ReadSecretsAsync(connection.Id))[PrestaShopKeyConnector.WebserviceKey] == key, "the key is stored");
    }
}
