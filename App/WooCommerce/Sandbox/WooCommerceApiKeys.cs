using System.Security.Cryptography;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>Creates, finds and deletes the sandbox store's REST API keys (ck_/cs_ + 40 hex, as wc_rand_hash makes them).</summary>
public sealed class WooCommerceApiKeys(SandboxGrants grants, IDataProtectionProvider protection)
{
    private const string Kind = "api-key";
    private readonly IDataProtector _secrets = protection.CreateProtector("Marketplaces.Sandbox.WooCommerce.ConsumerSecret");

    public sealed record Issued(int KeyId, string ConsumerKey, string ConsumerSecret, string Permissions)
    {
        public override string ToString() => $"Issued(key {KeyId}, {Permissions})";
    }

    public sealed record Found(WooCommerceApiKey Key, string ConsumerSecret)
    {
        public override string ToString() => $"Found(key {Key.KeyId})";
    }

    public async Task<Issued> CreateAsync(string site, string account, string permissions, string description, CancellationToken ct)
    {
        var consumerKey = "ck_" + RandomHash();
        var consumerSecret = "cs_" + RandomHash();
        var keyId = RandomNumberGenerator.GetInt32(1, int.MaxValue);
        await grants.RegisterAsync(WooCommerceSandboxStore.Id, Kind, consumerKey,
            new WooCommerceApiKey(keyId, account, permissions, description, _secrets.Protect(consumerSecret), site), null, ct);
        return new Issued(keyId, consumerKey, consumerSecret, permissions);
    }

    /// <summary>The key as the site's own key table has it: a key of another site is unknown here.</summary>
    public async Task<Found?> FindAsync(string site, string? consumerKey, CancellationToken ct)
    {
        var grant = await grants.FindAsync(WooCommerceSandboxStore.Id, Kind, consumerKey, ct);
        if (grant is null) return null;
        var key = grant.Read<WooCommerceApiKey>();
        if (key.Site != site) return null;
        return new Found(key, _secrets.Unprotect(key.SecretCiphertext));
    }

    public Task<bool> DeleteAsync(string consumerKey, CancellationToken ct) => grants.RevokeAsync(WooCommerceSandboxStore.Id, Kind, consumerKey, ct);

    private static string RandomHash() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
}
