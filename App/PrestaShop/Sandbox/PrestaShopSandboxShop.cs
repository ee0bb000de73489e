using Marketplaces.Connections;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>The fake PrestaShop 8 shop the emulator plays: where it lives, its name and version.</summary>
public sealed class PrestaShopSandboxShop(PublicUrls urls)
{
    public const string Id = "prestashop";
    public const string Name = "Marketplaces Sandbox Shop";
    public const string Version = "8.1.7";
    public const string Mount = "/sandbox/prestashop";
    public const string TimeZone = "Europe/Paris";

    /// <summary>The folder the back office answers under; a real shop's is random and secret.</summary>
    public const string AdminFolder = "admin-sandbox";

    public static readonly PrestaShopShopTime Time = PrestaShopShopTime.For(TimeZone)!;

    public string ShopUrl => urls.BaseUrl + Mount;
    public string ApiUrl => ShopUrl + "/api";
}
