using System.Globalization;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// The sandbox's dropship catalogue: a fixed set of products with their SKUs, stock and US-dollar prices, the same on
/// every start, so that tests and a seller trying the app see the same thing. Tests change stock and prices through
/// <see cref="Find"/>; a withdrawn product keeps answering <c>product.get</c> with <c>offline</c> status.
/// </summary>
public sealed class AliExpressSandboxCatalogue
{
    private readonly object _gate = new();
    private readonly List<SandboxDsProduct> _products = Seed();

    public IReadOnlyList<SandboxDsProduct> All
    {
        get
        {
            lock (_gate) return [.. _products];
        }
    }

    public SandboxDsProduct? Find(long productId)
    {
        lock (_gate) return _products.FirstOrDefault(p => p.ProductId == productId);
    }

    /// <summary>A seller's change at AliExpress, made by a test: a new price or stock for a SKU, or the product withdrawn.</summary>
    public void Change(long productId, Action<SandboxDsProduct> change)
    {
        lock (_gate) change(_products.Single(p => p.ProductId == productId));
    }

    private static List<SandboxDsProduct> Seed()
    {
        var products = new List<SandboxDsProduct>();
        var seeds = new (string Title, string Category, decimal Price, (string Name, string[] Values)[] Options)[]
        {
            ("Magnetic Car Phone Holder 360 Rotation", "Phone Accessories", 6.62m, [("Color", ["Black", "Silver"])]),
            ("Silicone Phone Case Shockproof Soft Cover", "Phone Accessories", 2.35m, [("Color", ["Black", "Red", "Blue"]), ("Model", ["iPhone 15", "iPhone 16"])]),
            ("Wireless Earbuds Bluetooth 5.3 Headphones", "Consumer Electronics", 12.90m, [("Color", ["White", "Black"])]),
            ("LED Strip Lights RGB 5050 USB", "Lights & Lighting", 4.18m, [("Length", ["1m", "2m", "5m"])]),
            ("Yoga Mat Non Slip TPE 6mm", "Sports & Entertainment", 9.75m, [("Color", ["Purple", "Green", "Gray"])]),
            ("Stainless Steel Water Bottle Vacuum Insulated", "Home & Garden", 7.40m, [("Capacity", ["500ml", "750ml"]), ("Color", ["Black", "White"])]),
            ("Minimalist Leather Wallet RFID Blocking", "Luggage & Bags", 5.10m, [("Color", ["Brown", "Black"])]),
            ("Kitchen Digital Scale 5kg Precision", "Home & Garden", 4.95m, []),
            ("Phone Tripod Stand with Bluetooth Remote", "Phone Accessories", 8.30m, []),
            ("Cotton Crew Socks 5 Pairs", "Apparel Accessories", 3.60m, [("Size", ["S", "M", "L"])]),
            ("USB C Fast Charger 20W PD", "Phone Accessories", 3.95m, [("Plug", ["US", "EU", "UK"])]),
            ("Portable Mini Blender USB Rechargeable", "Home Appliances", 11.20m, [("Color", ["Pink", "Blue"])]),
        };
        for (var i = 0; i < seeds.Length; i++)
        {
            var seed = seeds[i];
            var product = new SandboxDsProduct
            {
                ProductId = 1005006000000001L + i * 7919L,
                Title = seed.Title,
                Category = seed.Category,
                Rating = 4.1m + i % 9 / 10m,
                Orders = 120 + i * 917 % 5000,
                Evaluations = 40 + i * 131 % 900,
                WeightKg = 0.08m + i % 5 * 0.11m,
                Package = (10 + i % 4 * 5, 8 + i % 3 * 4, 3 + i % 2 * 4),
                Options = seed.Options.Select((o, n) => new SandboxDsOption(100 + n * 7 + i, o.Name, o.Values)).ToList(),
            };
            product.Skus.AddRange(Combinations(product, seed.Price, i));
            products.Add(product);
        }
        return products;
    }

    private static IEnumerable<SandboxDsSku> Combinations(SandboxDsProduct product, decimal basePrice, int seed)
    {
        IEnumerable<int[]> indexes = [[]];
        foreach (var option in product.Options)
            indexes = indexes.SelectMany(prefix => Enumerable.Range(0, option.Values.Count).Select(v => prefix.Append(v).ToArray()));
        var n = 0;
        foreach (var combination in indexes)
        {
            var attr = string.Join(';', combination.Select((v, o) =>
                $"{product.Options[o].PropertyId}:{product.Options[o].ValueId(v)}#{product.Options[o].Values[v]}"));
            yield return new SandboxDsSku
            {
                SkuId = (12000030000000000L + product.ProductId % 100000 * 100 + n).ToString(CultureInfo.InvariantCulture),
                SkuAttr = attr,
                Values = combination.Select((v, o) => product.Options[o].Values[v]).ToList(),
                Price = basePrice + n % 3 * 0.5m,
                // Every fifth SKU of the catalogue is sold out, so that search, import and ordering meet one.
                Stock = (seed + n) % 5 == 4 ? 0 : 50 + (seed * 31 + n * 17) % 900,
            };
            n++;
        }
    }
}

public sealed class SandboxDsProduct
{
    public long ProductId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public decimal Rating { get; init; }
    public int Orders { get; init; }
    public int Evaluations { get; init; }
    public decimal WeightKg { get; init; }
    public (int Length, int Width, int Height) Package { get; init; }
    public List<SandboxDsOption> Options { get; init; } = [];
    public List<SandboxDsSku> Skus { get; } = [];

    /// <summary>False once the supplier withdrew it: product.get then reports it off sale.</summary>
    public bool OnSale { get; set; } = true;

    public decimal MinPrice => Skus.Min(s => s.Price);
    public decimal MaxPrice => Skus.Max(s => s.Price);
    public int ImageCount => 3;
}

/// <param name="PropertyId">AliExpress's property id (<c>14</c> for colour in the sheet's examples): the part before the colon of <c>sku_attr</c>.</param>
public sealed record SandboxDsOption(int PropertyId, string Name, IReadOnlyList<string> Values)
{
    public int ValueId(int index) => PropertyId * 1000 + index + 1;
}

public sealed class SandboxDsSku
{
    public required string SkuId { get; init; }

    /// <summary><c>14:193#Black;5:100014064#S</c>; empty for a product without options.</summary>
    public required string SkuAttr { get; init; }

    public List<string> Values { get; init; } = [];
    public decimal Price { get; set; }
    public int Stock { get; set; }
}
