using System.Collections.Concurrent;
using System.Globalization;
using SkiaSharp;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// <c>GET /images/{productId}-{n}.jpg</c>: the sandbox catalogue's photos, drawn once (800 pixels square, a colour per
/// product and a shade per photo) and kept, so that an import copies real JPEG files as it would from AliExpress's CDN.
/// </summary>
internal sealed class SandboxDsImages(AliExpressSandboxCatalogue catalogue)
{
    private const int Side = 800;
    private readonly ConcurrentDictionary<(long, int), byte[]> _drawn = new();

    public IResult Serve(string name)
    {
        var parts = Path.GetFileNameWithoutExtension(name).Split('-');
        if (!name.EndsWith(".jpg", StringComparison.Ordinal) || parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || catalogue.Find(id) is not { } product || n >= product.ImageCount)
            return Results.NotFound();
        return Results.Bytes(_drawn.GetOrAdd((id, n), _ => Draw(product, n)), "image/jpeg");
    }

    private static byte[] Draw(SandboxDsProduct product, int n)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Side, Side));
        var hue = product.ProductId % 360;
        surface.Canvas.Clear(SKColor.FromHsl(hue, 55, 70 - n * 12));
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        surface.Canvas.DrawCircle(Side / 2f, Side / 2f, Side / 4f + n * 30, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
