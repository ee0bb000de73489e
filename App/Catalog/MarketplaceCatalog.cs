namespace Marketplaces.Catalog;

/// <summary>The eight marketplaces, described as data.</summary>
public static class MarketplaceCatalog
{
    public static IReadOnlyList<Marketplace> All { get; } =
    [
        new("amazon", "Amazon", "logos/amazon.svg"),
        new("ebay", "eBay", "logos/ebay.svg"),
        new("etsy", "Etsy", "logos/etsy.svg"),
        new("tiktok", "TikTok", "logos/tiktok.svg"),
        new("aliexpress", "AliExpress", "logos/aliexpress.svg"),
        new("shopify", "Shopify", "logos/shopify.svg"),
        new("woocommerce", "WooCommerce", "logos/woocommerce.svg"),
        new("prestashop", "PrestaShop", "logos/prestashop.svg"),
    ];
}
