using System.Net;
using System.Text.Json;
using Marketplaces.Sandbox;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Shopify.Orders;

/// <summary>
/// Requests as Shopify's own clients and codegen send them (recorded shapes: @shopify/admin-api-client with
/// graphql-codegen's typed documents add __typename to every selection, spread fragments, alias fields, name the
/// operation and may send a document with several operations): the sandbox must answer them as Shopify does.
/// </summary>
public sealed class ShopifyClientConformanceTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private const string Shop = "codegen-shop.myshopify.com";
    private readonly ShopifySandboxDriver _driver = new(app);

    private const string CodegenDocument = """
        fragment MoneyFields on MoneyV2 { __typename amount currencyCode }
        fragment OrderFields on Order {
          __typename
          id
          name
          total: totalPriceSet { __typename shopMoney { ...MoneyFields } }
          ... on Order { updatedAt }
        }
        query RecentOrders($first: Int = 2, $query: String) {
          __typename
          orders(first: $first, query: $query, sortKey: UPDATED_AT) {
            __typename
            edges { __typename cursor node { ...OrderFields } }
            pageInfo { __typename hasNextPage endCursor }
          }
        }
        query ShopName { shop { __typename shopName: name } }
        """;

    private async Task<JsonElement> PostAsync(object body) =>
        await ShopifySandboxDriver.JsonAsync(await _driver.GraphQlBodyAsync(await _driver.TokenAsync(Shop), JsonSerializer.Serialize(body), Shop), HttpStatusCode.OK);

    [Fact]
    public async Task A_codegen_document_with_fragments_aliases_typenames_and_two_operations_runs_the_one_named()
    {
        app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single().Book(Shop).AddMany(3);

        var body = await PostAsync(new { query = CodegenDocument, operationName = "RecentOrders", variables = new { query = (string?)null } });

        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var data = body.GetProperty("data");
        Assert.Equal("QueryRoot", data.GetProperty("__typename").GetString());
        var orders = data.GetProperty("orders");
        Assert.Equal("OrderConnection", orders.GetProperty("__typename").GetString());
        Assert.Equal("PageInfo", orders.GetProperty("pageInfo").GetProperty("__typename").GetString());
        var edges = orders.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(2, edges.Count);
        Assert.Equal("OrderEdge", edges[0].GetProperty("__typename").GetString());
        var node = edges[0].GetProperty("node");
        Assert.Equal("Order", node.GetProperty("__typename").GetString());
        Assert.StartsWith("gid://shopify/Order/", node.GetProperty("id").GetString());
        Assert.True(node.TryGetProperty("updatedAt", out _));
        Assert.False(node.TryGetProperty("totalPriceSet", out _));
        var money = node.GetProperty("total").GetProperty("shopMoney");
        Assert.Equal("MoneyV2", money.GetProperty("__typename").GetString());
        Assert.Matches(@"^\d+\.\d+$", money.GetProperty("amount").GetString());

        var shop = await PostAsync(new { query = CodegenDocument, operationName = "ShopName" });
        Assert.False(shop.TryGetProperty("errors", out var shopErrors), shopErrors.ToString());
        Assert.Equal("Shop", shop.GetProperty("data").GetProperty("shop").GetProperty("__typename").GetString());
        Assert.False(string.IsNullOrEmpty(shop.GetProperty("data").GetProperty("shop").GetProperty("shopName").GetString()));
    }

    [Fact]
    public async Task An_operation_name_the_document_does_not_hold_is_refused_as_shopify_refuses_it()
    {
        var body = await PostAsync(new { query = CodegenDocument, operationName = "Missing" });

        Assert.Contains("No operation named \"Missing\"", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Include_and_skip_keep_or_drop_what_they_mark_by_literal_or_variable()
    {
        app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single().Book(Shop).AddMany(1);
        const string query = """
            query Conditional($withName: Boolean!, $skipTotal: Boolean = true) {
              orders(first: 1) {
                nodes {
                  id
                  name @include(if: $withName)
                  totalPriceSet @skip(if: $skipTotal) { shopMoney { amount } }
                  ... on Order @include(if: false) { updatedAt }
                }
              }
            }
            """;

        var with = await PostAsync(new { query, variables = new { withName = true } });
        var without = await PostAsync(new { query, variables = new { withName = false, skipTotal = false } });

        Assert.False(with.TryGetProperty("errors", out var errors), errors.ToString());
        var first = with.GetProperty("data").GetProperty("orders").GetProperty("nodes")[0];
        Assert.True(first.TryGetProperty("name", out _));
        Assert.False(first.TryGetProperty("totalPriceSet", out _));
        Assert.False(first.TryGetProperty("updatedAt", out _));
        var second = without.GetProperty("data").GetProperty("orders").GetProperty("nodes")[0];
        Assert.False(second.TryGetProperty("name", out _));
        Assert.True(second.TryGetProperty("totalPriceSet", out _));
    }
}
