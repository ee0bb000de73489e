using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Sandbox.Orders;

/// <summary>
/// Orders made from (marketplace, seller, sequence number): the same seller always gets the same buyers, items and
/// amounts, so tests and demos are repeatable.
/// </summary>
internal static class SandboxOrderSeed
{
    private static readonly string[] Products =
        ["Vintage camera strap", "Ceramic mug, speckled", "Wool beanie", "Leather card wallet", "Brass desk lamp", "Linen tea towel", "Enamel pin set"];

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"];

    private static readonly SandboxAddress[] Places =
    [
        new("", "1 Infinite Loop", "Cupertino", "CA", "95014", "US", ""),
        new("", "350 Fifth Avenue", "New York", "NY", "10118", "US", ""),
        new("", "221B Baker Street", "London", "", "NW1 6XE", "GB", ""),
        new("", "Unter den Linden 77", "Berlin", "", "10117", "DE", ""),
    ];

    /// <summary>3 to 5 orders over the days before <paramref name="anchor"/>, every third one shipped.</summary>
    public static List<SandboxOrder> Initial(string marketplace, string seller, DateTimeOffset anchor, Func<int, string> idOf)
    {
        var count = 3 + Random(marketplace, seller, 0).Next(3);
        return Enumerable.Range(1, count).Select(sequence =>
        {
            var random = Random(marketplace, seller, sequence);
            var created = SandboxOrderBook.Milliseconds(anchor - TimeSpan.FromHours(sequence * 17 + random.Next(60) / 60.0));
            var order = Make(marketplace, seller, sequence, created, idOf, random);
            order.ModifiedAt = created + TimeSpan.FromMinutes(random.Next(1, 120));
            if (sequence % 3 == 0) order.Status = SandboxOrderStatus.Shipped;
            return order;
        }).ToList();
    }

    public static SandboxOrder Added(string marketplace, string seller, int sequence, DateTimeOffset now, Func<int, string> idOf)
    {
        var order = Make(marketplace, seller, sequence, now, idOf, Random(marketplace, seller, sequence));
        order.ModifiedAt = now;
        return order;
    }

    private static SandboxOrder Make(string marketplace, string seller, int sequence, DateTimeOffset created, Func<int, string> idOf, Random random)
    {
        var lines = Enumerable.Range(1, 1 + random.Next(3)).Select(index =>
        {
            var product = random.Next(Products.Length);
            return new SandboxOrderLine
            {
                LineId = $"{sequence}{index:00}{random.Next(0, 99999):00000}",
                ProductId = $"{1000 + product}{random.Next(0, 99999):00000}",
                Sku = $"SKU-{Prefix(seller)}-{product + 1:000}",
                Title = Products[product],
                Quantity = 1 + random.Next(3),
                UnitPrice = random.Next(500, 9999) / 100m,
            };
        }).ToList();
        var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        var place = Places[random.Next(Places.Length)];
        return new SandboxOrder
        {
            Id = idOf(sequence),
            Sequence = sequence,
            BuyerName = name,
            BuyerEmail = $"{name.Replace(' ', '.').ToLowerInvariant()}.{random.Next(100, 999)}@example.com",
            ShipTo = place with { Name = name, Phone = $"+1 555 01{random.Next(10, 99)}" },
            CreatedAt = created,
            ShippingCost = random.Next(0, 3) * 2.5m,
            Lines = lines,
        };
    }

    private static string Prefix(string seller) => new string(seller.Where(char.IsLetterOrDigit).Take(4).ToArray()).ToUpperInvariant().PadRight(4, 'X');

    private static Random Random(string marketplace, string seller, int sequence) =>
        new(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{marketplace}-orders:{seller}:{sequence}"))));
}
