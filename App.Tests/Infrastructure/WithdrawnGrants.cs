using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// The failing backend of issue 11's page tests: the seller withdrew the app's grant on the marketplace, so its
/// sandbox refuses the connection's access token and its refresh token (where it has one) alike.
/// </summary>
public static class WithdrawnGrants
{
    public static async Task WithdrawAsync(AppFactory app, string marketplace, Guid connection)
    {
        var secrets = await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(connection);
        var grants = app.Services.GetRequiredService<SandboxGrants>();
        Assert.True(await grants.RevokeAsync(marketplace, SandboxGrantKinds.Access, secrets[TokenVault.AccessToken]));
        if (secrets.TryGetValue(TokenVault.RefreshToken, out var refresh))
            Assert.True(await grants.RevokeAsync(marketplace, SandboxGrantKinds.Refresh, refresh));
    }
}
