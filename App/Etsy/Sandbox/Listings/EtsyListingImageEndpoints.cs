using System.Text.Json.Nodes;
using SkiaSharp;

namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// uploadListingImage (multipart, the file in the part named <c>image</c>; etsy.md "Publish a product"), and
/// deleteListingImage. The file must decode as a JPEG, PNG or GIF; at most 20 images a listing. A rank already taken
/// is replaced when <c>overwrite</c> is true, otherwise the new image goes in at that rank and the others move down.
/// </summary>
internal sealed class EtsyListingImageEndpoints(EtsyApiGate gate, EtsySandboxListings listings, TimeProvider clock)
{
    private const int MaxImages = 20;

    public async Task<IResult> UploadAsync(HttpRequest request, string shop_id, long listing_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(request, shop_id, "listings_w", ct);
        if (error is not null) return error;
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.Ordinal))
            return EtsyListingEndpoints.Refused("The request body must be multipart/form-data.");
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("image") is not { } file) return EtsyListingEndpoints.Refused("An image file is required in the part named image.");
        await using var content = file.OpenReadStream();
        using var codec = SKCodec.Create(content);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif))
            return EtsyListingEndpoints.Refused("The image must be a JPEG, PNG or GIF file.");
        var overwrite = form["overwrite"].ToString() is "true" or "1";
        var shop = listings.Shop(grant!.ShopId);
        lock (shop.Gate)
        {
            if (!shop.Listings.TryGetValue(listing_id, out var listing)) return EtsyListingEndpoints.NotFound(listing_id);
            var rank = int.TryParse(form["rank"], out var r) && r >= 1 ? Math.Min(r, listing.Images.Count + 1) : listing.Images.Count + 1;
            if (overwrite) listing.Images.RemoveAll(i => i.Rank == rank);
            if (listing.Images.Count >= MaxImages) return EtsyErrors.Api(StatusCodes.Status409Conflict, $"A listing can have at most {MaxImages} images.");
            var moved = listing.Images.Select(i => i.Rank >= rank ? i with { Rank = i.Rank + 1 } : i).ToList();
            var image = new EtsySandboxImage(listings.NextImageId(), rank, codec.Info.Width, codec.Info.Height, form["alt_text"].ToString() is { Length: > 0 } alt ? alt : null,
                clock.GetUtcNow().ToUnixTimeSeconds());
            listing.Images.Clear();
            listing.Images.AddRange(moved.Append(image).OrderBy(i => i.Rank).Select((i, n) => i with { Rank = n + 1 }));
            return Results.Json(EtsyListingJson.Image(listing_id, listing.Images.Single(i => i.Id == image.Id), EtsyListingJson.SiteRoot(request)), statusCode: 201);
        }
    }

    public async Task<IResult> DeleteAsync(HttpRequest request, string shop_id, long listing_id, long listing_image_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(request, shop_id, "listings_w", ct);
        if (error is not null) return error;
        var shop = listings.Shop(grant!.ShopId);
        lock (shop.Gate)
        {
            if (!shop.Listings.TryGetValue(listing_id, out var listing)) return EtsyListingEndpoints.NotFound(listing_id);
            if (listing.Images.RemoveAll(i => i.Id == listing_image_id) == 0)
                return EtsyErrors.Api(StatusCodes.Status404NotFound, $"Listing image {listing_image_id} could not be found.");
            var kept = listing.Images.OrderBy(i => i.Rank).Select((i, n) => i with { Rank = n + 1 }).ToList();
            listing.Images.Clear();
            listing.Images.AddRange(kept);
            return Results.NoContent();
        }
    }
}
