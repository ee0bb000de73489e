using Marketplaces.Ebay.Orders;

namespace Marketplaces.Tests.Ebay.Orders;

public sealed class EbayCarrierCodesTests
{
    private static readonly Marketplaces.Catalog.CarrierCodes Carriers = Marketplaces.Catalog.MarketplaceCatalog.Load()["ebay"].Carriers;

    [Theory]
    [InlineData("USPS", "USPS")]
    [InlineData("usps", "USPS")]
    [InlineData("U.S. Postal Service", "USPS")]
    [InlineData("Fedex", "FedEx")]
    [InlineData("Federal Express", "FedEx")]
    [InlineData("Royal Mail", "RoyalMail")]
    [InlineData("Deutsche Post", "DeutschePost")]
    [InlineData("Canada Post", "CanadaPost")]
    [InlineData(" La Poste ", "LaPoste")]
    public void A_carrier_is_sent_as_ebays_code(string typed, string code) => Assert.Equal(code, EbayShipmentPusher.CarrierCode(Carriers, typed));

    [Theory]
    [InlineData("9400 1118 9922", "940011189922")]
    [InlineData("RM-1234-5678-GB", "RM12345678GB")]
    public void A_tracking_number_is_sent_with_letters_and_digits_only(string typed, string sent) =>
        Assert.Equal(sent, EbayShipmentPusher.TrackingNumber(typed));
}
