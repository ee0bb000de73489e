using SkiaSharp;

namespace Marketplaces.Tests.Products;

/// <summary>Real encoded images drawn for the tests: a filled rectangle of the given size.</summary>
public static class TestImages
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, SKColor? colour = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(colour ?? SKColors.SteelBlue);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
