using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// The orders a sandbox seller starts with and the ones tests add, made from the seller's user id and a sequence
/// number: the same seller always gets the same ids, buyers, items and amounts.
/// </summary>
internal static class SellerOrderSeed
{
    private static readonly string[] Products =
        ["Vintage camera strap", "Ceramic mug, speckled", "Wool beanie", "Leather card wallet", "Brass desk lamp", "Linen tea towel", "Enamel pin set"];

    /// <summary>3 to 5 orders over the last days before <paramref name="anchor"/>, each last modified before it.</summary>
    public static List<EbaySandboxOrder> Initial(string userId, DateTimeOffset anchor)
    {
        var count = 3 + Random(userId, 0).Next(3);
        return Enumerable.Range(1, count).Select(sequence =>
        {
            var random = Random(userId, sequence);
            var created = anchor - TimeSpan.FromHours(sequence * 17 + random.Next(60) / 60.0);
            var order = Make(userId, sequence, created, random);
            order.LastModifiedDate = order.CreationDate + TimeSpan.FromMinutes(random.Next(1, 120));
            if (sequence % 3 == 0) order.FulfillmentStatus = "FULFILLED";
            return order;
        }).ToList();
    }

    public static EbaySandboxOrder Added(string userId, int sequence, DateTimeOffset now)
    {
        var order = Make(userId, sequence, now, Random(userId, sequence));
        order.LastModifiedDate = order.CreationDate;
        return order;
    }

    private static EbaySandboxOrder Make(string userId, int sequence, DateTimeOffset created, Random random)
    {
        var lines = Enumerable.Range(1, 1 + random.Next(3)).Select(_ =>
        {
            var product = random.Next(Products.Length);
            return new EbaySandboxLineItem
            {
                LineItemId = $"1{random.Next(0, 99999):00000}{random.Next(0, 99999):00000}",
                LegacyItemId = $"11{random.Next(0, 99999):00000}{random.Next(0, 99999):00000}",
                Sku = $"SKU-{userId[..4].ToUpperInvariant()}-{product + 1:000}",
                Title = Products[product],
                Quantity = 1 + random.Next(3),
                UnitPrice = random.Next(500, 9999) / 100m,
            };
        }).ToList();
        return new EbaySandboxOrder
        {
            OrderId = $"{random.Next(10, 99)}-{random.Next(0, 99999):00000}-{sequence:00000}",
            BuyerUsername = $"buyer_{random.Next(1000, 9999)}",
            CreationDate = Milliseconds(created),
            ShippingCost = random.Next(0, 3) * 2.5m,
            LineItems = lines,
        };
    }

    /// <summary>eBay timestamps carry milliseconds.</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static Random Random(string userId, int sequence) =>
        new(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"ebay-orders:{userId}:{sequence}"))));
}
