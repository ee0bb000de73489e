using Marketplaces.Connections;
using Marketplaces.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplaces.Products.Listings;

/// <summary>
/// Addresses under <c>PublicBaseUrl</c> from which marketplaces fetch product photos (WooCommerce, Shopify, eBay and
/// PrestaShop download an image from a URL). The photo's id travels encrypted with the app's DataProtection keys, so an
/// address cannot be guessed or made up for another file, and still opens after the key ring rotates.
/// </summary>
public sealed class PublicImageUrls(PublicUrls urls, ProductImages images, IDataProtectionProvider protection)
{
    private const string Path = "/media/public/products";
    private readonly IDataProtector _protector = protection.CreateProtector("Marketplaces.Products.PublicImage");

    public string For(ProductImage image) =>
        $"{urls.BaseUrl}{Path}/{AddressTokens.Of(image.Id, _protector.Protect)}/{image.Id:N}{ProductImageFormats.ExtensionOf(image.ContentType)}";

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"{Path}/{{token}}/{{name}}", (string token, string name) =>
            AddressTokens.IdOf(_protector, token) is { } id && name.StartsWith(id.ToString("N"), StringComparison.Ordinal) && images.OriginalOf(id) is { } file
                ? Results.File(file, ProductImageFormats.ContentTypeOf(file))
                : Results.NotFound()).AllowAnonymous();
}
