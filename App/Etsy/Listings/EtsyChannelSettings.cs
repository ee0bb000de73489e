using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products.Listings;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Etsy.Listings;

/// <summary>
/// What an Etsy listing needs besides the product (etsy.md "Publish a product"): the shop's shipping profile, return
/// policy and processing profile, the seller-taxonomy node (blank: the leaf whose name the title contains), who made
/// it and when, and whether it goes live or stays a draft. Unchosen profiles default to the shop's first, read once
/// a quarter hour; the taxonomy, the same for every shop, once an hour.
/// </summary>
internal sealed class EtsyChannelSettings(IMemoryCache cache)
{
    public const string ShippingProfile = "shipping_profile_id";
    public const string ReturnPolicy = "return_policy_id";
    public const string ReadinessState = "readiness_state_id";
    public const string Taxonomy = "taxonomy_id";
    public const string WhoMade = "who_made";
    public const string WhenMade = "when_made";
    public const string State = "state";

    /// <summary>when_made as the provided spec enumerates it (etsy.md: its newest bucket moves every year; read it from the spec).</summary>
    private static readonly string[] WhenMadeValues =
    [
        "made_to_order", "2020_2025", "2010_2019", "2006_2009", "before_2006", "2000_2005", "1990s", "1980s", "1970s", "1960s", "1950s", "1940s",
        "1930s", "1920s", "1910s", "1900s", "1800s", "1700s", "before_1700",
    ];

    public async Task<IReadOnlyList<ChannelSetting>> OfferedAsync(ConnectionApi api, CancellationToken ct)
    {
        var profiles = await ProfilesAsync(api, ct);
        var leaves = await LeavesAsync(api, ct);
        return
        [
            new ChannelSetting(ShippingProfile, "Shipping profile", profiles.Shipping, First(profiles.Shipping)),
            new ChannelSetting(ReturnPolicy, "Return policy", profiles.Returns, First(profiles.Returns)),
            new ChannelSetting(ReadinessState, "Processing profile", profiles.Readiness, First(profiles.Readiness)),
            new ChannelSetting(Taxonomy, "Category", [new ChannelChoice("", "Matched from each product's title"), .. leaves.Select(l => new ChannelChoice(l.Id, l.Path))], ""),
            new ChannelSetting(WhoMade, "Who made it", [new("i_did", "I did"), new("someone_else", "Another company or person"), new("collective", "A member of my shop")], "i_did"),
            new ChannelSetting(WhenMade, "When was it made", WhenMadeValues.Select(v => new ChannelChoice(v, v.Replace('_', ' ').Replace("made to order", "Made to order"))).ToList(), "made_to_order"),
            new ChannelSetting(State, "Publish as", [new("active", "Active"), new("draft", "Draft")], "active"),
        ];
    }

    /// <summary>The settings a publish uses: the seller's choices, else the shop's first profiles and the title's category.</summary>
    public async Task<Terms> TermsAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var profiles = await ProfilesAsync(api, ct);
        var taxonomy = draft.Setting(Taxonomy, "");
        if (taxonomy.Length == 0)
        {
            var words = draft.Product.Title.ToLowerInvariant().Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries);
            taxonomy = (await LeavesAsync(api, ct)).FirstOrDefault(l => words.Any(w => l.Name.ToLowerInvariant().TrimEnd('s').Split(' ').Any(n => n.Length > 2 && w.StartsWith(n, StringComparison.Ordinal))))?.Id
                       ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                           $"No Etsy category matches \"{draft.Product.Title}\": choose one in the connection's channel settings.");
        }
        return new Terms(draft.Setting(ShippingProfile, First(profiles.Shipping)), draft.Setting(ReturnPolicy, First(profiles.Returns)),
            draft.Setting(ReadinessState, First(profiles.Readiness)), taxonomy, draft.Setting(WhoMade, "i_did"), draft.Setting(WhenMade, "made_to_order"),
            draft.Setting(State, "active") == "active");
    }

    private Task<Profiles> ProfilesAsync(ConnectionApi api, CancellationToken ct) =>
        cache.GetOrCreateAsync(("etsy-profiles", api.Connection.Id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15);
            var shipping = await ListAsync(api, "/shipping-profiles", "shipping_profile_id", p => JsonText.Of(p, "title") ?? "Shipping profile", ct);
            var returns = await ListAsync(api, "/policies/return", "return_policy_id",
                p => p.TryGetProperty("accepts_returns", out var a) && a.ValueKind == JsonValueKind.True
                    ? $"Returns within {(p.TryGetProperty("return_deadline", out var d) ? d.GetRawText() : "?")} days" : "No returns", ct);
            var readiness = await ListAsync(api, "/readiness-state-definitions", "readiness_state_id",
                p => $"{(JsonText.Of(p, "readiness_state") == "made_to_order" ? "Made to order" : "Ready to ship")} in {Number(p, "min_processing_days")}–{Number(p, "max_processing_days")} days", ct);
            return new Profiles(shipping, returns, readiness);
        })!;

    /// <summary>The taxonomy's leaves with their paths ("Home &amp; Living › … › Mugs"): they are what a listing goes in.</summary>
    private Task<List<Leaf>> LeavesAsync(ConnectionApi api, CancellationToken ct) =>
        cache.GetOrCreateAsync(("etsy-taxonomy", api.Target.Endpoints.ApiBaseUrl), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            using var response = await api.SendAsync(token => EtsyApi.Request(HttpMethod.Get, api.Target, token, "/v3/application/seller-taxonomy/nodes"), ct);
            using var json = await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
            var leaves = new List<Leaf>();
            void Walk(JsonElement nodes, string path)
            {
                foreach (var node in nodes.EnumerateArray())
                {
                    var name = JsonText.Of(node, "name") ?? "";
                    var full = path.Length == 0 ? name : $"{path} › {name}";
                    if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array && children.GetArrayLength() > 0) Walk(children, full);
                    else leaves.Add(new Leaf(node.GetProperty("id").GetRawText(), name, full));
                }
            }
            Walk(json.RootElement.GetProperty("results"), "");
            return leaves.OrderBy(l => l.Path, StringComparer.Ordinal).ToList();
        })!;

    private static async Task<List<ChannelChoice>> ListAsync(ConnectionApi api, string path, string idProperty, Func<JsonElement, string> label, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EtsyApi.ShopRequest(HttpMethod.Get, api, token, path), ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
        return json.RootElement.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray().Where(r => r.TryGetProperty(idProperty, out _)).Select(r => new ChannelChoice(r.GetProperty(idProperty).GetRawText(), label(r))).ToList()
            : [];
    }

    private static string First(List<ChannelChoice> choices) => choices.FirstOrDefault()?.Value ?? "";

    private static string Number(JsonElement element, string property) => element.TryGetProperty(property, out var value) ? value.GetRawText() : "?";

    public sealed record Terms(string ShippingProfileId, string ReturnPolicyId, string ReadinessStateId, string TaxonomyId, string WhoMade, string WhenMade, bool Activate);

    private sealed record Profiles(List<ChannelChoice> Shipping, List<ChannelChoice> Returns, List<ChannelChoice> Readiness);

    private sealed record Leaf(string Id, string Name, string Path);
}
