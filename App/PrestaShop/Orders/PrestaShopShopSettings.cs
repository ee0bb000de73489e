using Marketplaces.Connections;

namespace Marketplaces.PrestaShop.Orders;

/// <summary>
/// What the connector must know of a shop, read from its configuration in one call: the time zone its dates are in
/// (PS_TIMEZONE) and the ids of its order states that mean cancelled (PS_OS_CANCELED, PS_OS_REFUND) and shipped
/// (PS_OS_SHIPPING); state ids differ between shops (prestashop.md §4.5).
/// </summary>
public sealed record PrestaShopShopSettings(PrestaShopShopTime Time, IReadOnlySet<string> CancelledStates, string? ShippedState)
{
    public static async Task<PrestaShopShopSettings> ReadAsync(PrestaShopApi api, CancellationToken ct)
    {
        var values = await api.ConfigurationAsync(["PS_TIMEZONE", "PS_OS_CANCELED", "PS_OS_REFUND", "PS_OS_SHIPPING"], ct);
        if (!values.TryGetValue("PS_TIMEZONE", out var zone))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "PrestaShop did not give its time zone (configuration PS_TIMEZONE): allow the webservice key to read configurations.");
        var time = PrestaShopShopTime.For(zone)
            ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"PrestaShop's time zone \"{zone}\" is not a known time zone.");
        return new PrestaShopShopSettings(time,
            new[] { "PS_OS_CANCELED", "PS_OS_REFUND" }.Select(values.GetValueOrDefault).OfType<string>().ToHashSet(StringComparer.Ordinal),
            values.GetValueOrDefault("PS_OS_SHIPPING"));
    }
}
