using Marketplaces.Connections;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>The fake PrestaShop 8 shop the emulator plays: where it lives, its name and version.</summary>
public sealed class PrestaShopSandboxShop(PublicUrls urls)
{
    public const string Id = "prestashop";
    public const string Name = "Marketplaces Sandbox Shop";
    public const string Version = "8.1.7";
    public const string Mount = "/sandbox/prestashop";

    public string ShopUrl => urls.BaseUrl + Mount;
    public string ApiUrl => ShopUrl + "/api";
}
