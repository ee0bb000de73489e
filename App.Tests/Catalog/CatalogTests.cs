using System.Text.RegularExpressions;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Sandbox;

namespace Marketplaces.Tests.Catalog;

/// <summary>The catalog is data; these checks keep it well-formed and keep every entry served end to end.</summary>
public sealed class CatalogTests
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();
    public static TheoryData<string> Ids => new(MarketplaceCatalog.Order);

    [Fact]
    public void The_catalog_holds_the_eight_marketplaces_in_dashboard_order()
    {
        Assert.Equal(MarketplaceCatalog.Order, Catalog.All.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Production_urls_are_https_and_built_in_sandbox_urls_go_to_this_app(string id)
    {
        var marketplace = Catalog[id];
        var production = marketplace.Endpoints(MarketplaceEnvironment.Production)!;
        foreach (var url in new[] { production.AuthorizeUrl, production.TokenUrl, production.RevokeUrl, production.ApiBaseUrl }.Where(u => !string.IsNullOrEmpty(u)))
            Assert.Matches("^(https://|\\{store\\})", url!);
        var sandbox = marketplace.Endpoints(MarketplaceEnvironment.BuiltInSandbox)!;
        foreach (var url in new[] { sandbox.AuthorizeUrl, sandbox.TokenUrl, sandbox.RevokeUrl, sandbox.ApiBaseUrl }.Where(u => !string.IsNullOrEmpty(u)))
            Assert.Matches($"^(\\{{sandbox\\}}/{id}(/|$)|\\{{store\\}})", url!);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Account_parameter_patterns_are_anchored_regular_expressions(string id)
    {
        foreach (var pattern in Catalog[id].AccountParameter?.Patterns.Values ?? Enumerable.Empty<string>())
        {
            Assert.StartsWith("^", pattern);
            Assert.EndsWith("$", pattern);
            _ = new Regex(pattern);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_marketplace_has_its_adapter_and_its_emulator(string id)
    {
        var types = typeof(MarketplaceCatalog).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        var marketplace = Catalog[id];
        Type contract = marketplace.AuthMode == AuthMode.OAuth2 ? typeof(IIdentityResolver) : typeof(IKeyConnector);
        Assert.Single(types, t => contract.IsAssignableFrom(t) && ((IMarketplaceAdapter)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).MarketplaceId == id);
        // An emulator may grow by modules (authorization, orders, listings…), each its own ISandboxEmulator.
        Assert.Contains(types, t => typeof(ISandboxEmulator).IsAssignableFrom(t) && ((ISandboxEmulator)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).MarketplaceId == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_marketplace_has_its_own_tests(string id)
    {
        Assert.Contains(typeof(CatalogTests).Assembly.GetTypes(),
            t => string.Equals(t.Namespace, $"Marketplaces.Tests.{id}", StringComparison.OrdinalIgnoreCase));
    }
}
