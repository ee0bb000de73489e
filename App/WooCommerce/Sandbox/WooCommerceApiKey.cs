namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// A row of wp_woocommerce_api_keys as the emulator keeps it in a sandbox grant found by the consumer key's hash.
/// The secret is kept (encrypted) because OAuth 1.0a verification needs it, as WooCommerce keeps it.
/// </summary>
/// <param name="Site">The multisite site whose key table holds the key ("" for the main site): it works there only.</param>
public sealed record WooCommerceApiKey(int KeyId, string Account, string Permissions, string Description, string SecretCiphertext, string Site = "")
{
    public bool Allows(string method) => method switch
    {
        "GET" or "HEAD" => Permissions is "read" or "read_write",
        "POST" or "PUT" or "PATCH" or "DELETE" => Permissions is "write" or "read_write",
        _ => false,
    };
}
