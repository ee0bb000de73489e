using System.Globalization;
using Marketplaces.Connections;

namespace Marketplaces.PrestaShop.Orders;

/// <summary>
/// Where a walk through one window of orders is: the next offset and the window's end in shop time, fixed when the
/// window's first page was read so later pages see the same list (orders changed meanwhile move past the end and
/// come in the next window). The feed's page token, as <c>offset|end</c>.
/// </summary>
public sealed record PrestaShopOrdersPage(int Offset, string WindowEnd)
{
    public string Token => $"{Offset.ToString(CultureInfo.InvariantCulture)}|{WindowEnd}";

    public PrestaShopOrdersPage Next(int read) => this with { Offset = Offset + read };

    public static PrestaShopOrdersPage Parse(string token) =>
        token.Split('|') is [var offset, var end] && int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            && DateTime.TryParseExact(end, PrestaShopShopTime.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? new PrestaShopOrdersPage(at, end)
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"The PrestaShop orders page token \"{token}\" is not one this app wrote.");
}
