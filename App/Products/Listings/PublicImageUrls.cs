using Marketplaces.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

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
        $"{urls.BaseUrl}{Path}/{WebEncoders.Base64UrlEncode(_protector.Protect(image.Id.ToByteArray()))}/{image.Id:N}{ProductImageFormats.ExtensionOf(image.ContentType)}";

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"{Path}/{{token}}/{{name}}", (string token, string name) =>
            IdOf(token) is { } id && name.StartsWith(id.ToString("N"), StringComparison.Ordinal) && images.OriginalOf(id) is { } file
                ? Results.File(file, ProductImageFormats.ContentTypeOf(file))
                : Results.NotFound()).AllowAnonymous();

    private Guid? IdOf(string token)
    {
        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
