using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// aliexpress.ds.feedname.get (its documented answer: resp_result.result.promos.promo[] with promo_name, promo_desc,
/// product_num) and aliexpress.ds.feed.itemids.get (aliexpress.md §5.2: feed_name, page_size up to 200, and a
/// search_id cursor valid for one minute; result.products.number[] ids, search_id, total) over the sandbox catalogue.
/// </summary>
internal sealed class SandboxDsFeedApis(AliExpressSandboxCatalogue catalogue, TimeProvider clock)
{
    public const string FeedNames = "aliexpress.ds.feedname.get";
    public const string FeedItemIds = "aliexpress.ds.feed.itemids.get";

    private const int MaxPageSize = 200;
    private static readonly TimeSpan CursorLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Feed, int Offset, DateTimeOffset Until)> _cursors = new();

    private IReadOnlyList<(string Name, string Description, IReadOnlyList<SandboxDsProduct> Products)> Feeds()
    {
        var onSale = catalogue.All.Where(p => p.OnSale).ToList();
        return
        [
            ("DS_Global_topsellers", "Best sellers of the dropshipping programme", onSale.OrderByDescending(p => p.Orders).ToList()),
            ("DS_PhoneAccessories_bestsellers", "Phone accessories", onSale.Where(p => p.Category == "Phone Accessories").ToList()),
            ("DS_HomeGarden_bestsellers", "Home and garden", onSale.Where(p => p.Category == "Home & Garden").ToList()),
        ];
    }

    public IopAnswer Names() => IopAnswer.Success(new JsonObject
    {
        ["resp_result"] = new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["current_record_count"] = Feeds().Count,
                ["promos"] = new JsonObject
                {
                    ["promo"] = new JsonArray(Feeds().Select(f => (JsonNode)new JsonObject
                    {
                        ["promo_name"] = f.Name, ["promo_desc"] = f.Description, ["product_num"] = f.Products.Count,
                    }).ToArray()),
                },
            },
            ["resp_code"] = 200,
            ["resp_msg"] = "Call succeeds",
        },
    });

    public IopAnswer ItemIds(IopGatewayRequest request)
    {
        if (request["feed_name"] is not { } name) return IopAnswer.Error(IopError.MissingParameter("feed_name"));
        var size = int.TryParse(request["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
        if (size is < 1 or > MaxPageSize) return IopAnswer.Error(IopError.InvalidParameter("page_size", $"must be from 1 to {MaxPageSize}"));
        var feed = Feeds().FirstOrDefault(f => f.Name == name);
        if (feed.Name is null) return IopAnswer.Error(IopError.InvalidParameter("feed_name", $"no feed named {name}"));
        var offset = 0;
        var now = clock.GetUtcNow();
        if (request["search_id"] is { } searchId)
        {
            if (!_cursors.TryRemove(searchId, out var cursor) || cursor.Until < now || cursor.Feed != name)
                return IopAnswer.Error(IopError.InvalidParameter("search_id", "is unknown or expired (a search_id is valid for one minute)"));
            offset = cursor.Offset;
        }
        var page = feed.Products.Skip(offset).Take(size).ToList();
        string? next = null;
        if (offset + page.Count < feed.Products.Count)
        {
            next = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            _cursors[next] = (name, offset + page.Count, now + CursorLifetime);
        }
        var result = new JsonObject
        {
            ["products"] = new JsonObject { ["number"] = new JsonArray(page.Select(p => (JsonNode)p.ProductId).ToArray()) },
            ["total"] = feed.Products.Count,
        };
        if (next is not null) result["search_id"] = next;
        return IopAnswer.Success(new JsonObject { ["result"] = result, ["ret"] = true, ["rsp_msg"] = "Call succeeds" });
    }
}
