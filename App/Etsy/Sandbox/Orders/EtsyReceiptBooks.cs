using System.Globalization;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Etsy.Sandbox.Orders;

/// <summary>
/// Each shop's receipts: the shared order book of the shop, whose receipt ids are the shop id times a million plus
/// the order's number, so a receipt id alone finds its shop (the seller's order page has nothing else).
/// </summary>
internal sealed class EtsyReceiptBooks(SandboxOrderBooks books)
{
    private const long PerShop = 1_000_000;

    public SandboxOrderBook For(long shopId) =>
        books.For(EtsySandboxRules.Id, shopId.ToString(CultureInfo.InvariantCulture),
            n => (shopId * PerShop + n).ToString(CultureInfo.InvariantCulture));

    /// <summary>The receipt from its id alone, or null.</summary>
    public SandboxOrder? Find(long receiptId) => receiptId < PerShop ? null : For(receiptId / PerShop).Find(receiptId.ToString(CultureInfo.InvariantCulture));
}
