namespace Marketplaces.Tests.Conformance;

/// <summary>The validator against the real spec files, with small hand-written calls: it passes what conforms and names what does not.</summary>
public sealed class ConformanceCheckTests
{
    private static readonly Uri App = new("http://127.0.0.1:5000");
    private const string EbayOrders = "/sandbox/ebay/api/sell/fulfillment/v1/order";
    private const string AmazonOrders = "/sandbox/amazon/sp-api/orders/2026-01-01/orders";
    private const string EtsyShop = "/sandbox/etsy/openapi/v3/application/shops/123";

    private const string AmazonOrder = """
        {"orderId":"902-1106328-1059050","createdTime":"2026-01-01T00:00:00Z","lastUpdatedTime":"2026-01-02T00:00:00Z",
         "salesChannel":{"channelName":"AMAZON"},"orderItems":[],"fulfillment":{"fulfillmentStatus":"UNSHIPPED"}}
        """;

    private static ApiRequest Get(string url) => new(HttpMethod.Get, new Uri(App, url), ["Authorization"]);

    private static ApiRequest Post(string url, string contentType, string body) =>
        new(HttpMethod.Post, new Uri(App, url), ["Authorization", "Content-Type"], contentType, body);

    private static ApiResponse Json(int status, string body) => new(status, ["Content-Type"], "application/json", body);

    private static IReadOnlyList<string> Violations(ApiRequest request, ApiResponse response) => ConformanceCheck.Of(request, response)!.Value.Violations;

    [Fact]
    public void Conforming_calls_of_each_marketplace_pass()
    {
        Assert.Empty(Violations(
            Get($"{EbayOrders}?filter=lastmodifieddate:%5B2026-01-01T00:00:00.000Z..%5D&limit=50&offset=0"),
            Json(200, """{"href":"x","limit":50,"offset":0,"total":1,"orders":[{"orderId":"12-1","lineItems":[{"lineItemId":"1","quantity":2}],"pricingSummary":{"total":{"value":"1.00","currency":"GBP"}}}]}""")));
        Assert.Empty(Violations(
            Get($"{AmazonOrders}?marketplaceIds=ATVPDKIKX0DER,A1F83G8C2ARO7P&includedData=BUYER,PACKAGES&lastUpdatedAfter=2026-01-01T00:00:00Z"),
            Json(200, "{\"orders\":[" + AmazonOrder + "],\"pagination\":{\"nextToken\":\"abc\"}}")));
        Assert.Empty(Violations(Get($"{EtsyShop}/receipts?min_last_modified=1767225600&limit=100&was_shipped=false"), Json(200, """{"count":1,"results":[{"receipt_id":1,"is_shipped":false,"buyer_email":null}]}""")));
        Assert.Empty(Violations(Get("/sandbox/etsy/openapi/v3/application/users/me"), Json(200, """{"user_id":5,"shop_id":123}""")));
    }

    [Theory]
    [InlineData($"{EbayOrders}?page=2", "query page: not a parameter of getOrders")]
    [InlineData($"{EbayOrders}?limit=1&limit=2", "query limit: given 2 times")]
    [InlineData("/sandbox/amazon/sp-api/orders/v0/orders?CreatedAfter=2026-01-01T00:00:00Z", "query MarketplaceIds: required, missing")]
    [InlineData($"{AmazonOrders}?includedData=BUYER,GIFTS", "query includedData[1]: \"GIFTS\" is not one of \"BUYER\", \"RECIPIENT\"")]
    [InlineData($"{AmazonOrders}?marketplaceIds=A&marketplaceIds=B", "query marketplaceIds: given 2 times")]
    [InlineData($"{AmazonOrders}?createdAfter=yesterday", "query createdAfter: yesterday is not a date-time")]
    [InlineData($"{AmazonOrders}?createdAfter=2026-01-01T00:00:00+01:00", "query createdAfter: 2026-01-01T00:00:00 01:00 is not a date-time")]
    [InlineData($"{AmazonOrders}?maxResultsPerPage=ten", "query maxResultsPerPage: expected integer, got \"ten\"")]
    [InlineData("/sandbox/etsy/openapi/v3/application/shops/abc/receipts", "path shop_id: expected integer, got \"abc\"")]
    [InlineData($"{EtsyShop}/receipts?limit=101", "query limit: 101 is above the maximum 100")]
    [InlineData($"{EtsyShop}/receipts?sort_on=price", "query sort_on: \"price\" is not one of")]
    [InlineData("/sandbox/ebay/api/sell/fulfillment/v1/orders", "no operation of ebay/sell_fulfillment_v1_oas3.json, ebay/sell_inventory_v1_oas3.json, ebay/sell_account_v1_oas3.json, ebay/commerce_taxonomy_v1_oas3.json, ebay/commerce_notification_v1_oas3.json, ebay/commerce_message_v1_oas3.json is GET /sell/fulfillment/v1/orders")]
    public void A_request_outside_the_spec_is_caught(string url, string violation)
    {
        var error = url.Contains("/etsy/") ? """{"error":"bad"}""" : """{"errors":[{"code":"InvalidInput","message":"bad"}]}""";

        var violations = Violations(Get(url), Json(400, error));

        Assert.StartsWith(violation, Assert.Single(violations));
    }

    [Theory]
    [InlineData($"{EbayOrders}/1", 200, """{"orderId":12}""", "body.orderId: expected string, got 12")]
    [InlineData($"{EbayOrders}/1", 200, """{"orderId":"1","orderStatus":"PAID"}""", "body.orderStatus: not in the schema")]
    [InlineData($"{EbayOrders}", 200, """{"orders":[{"lineItems":[{"quantity":"2"}]}]}""", "body.orders[0].lineItems[0].quantity: expected integer, got \"2\"")]
    [InlineData($"{EbayOrders}", 404, "", "status 404 is not declared (declared: 200, 400, 500)")]
    [InlineData(AmazonOrders, 200, """{"pagination":{}}""", "body: lacks the required orders")]
    [InlineData(AmazonOrders, 200, """{"orders":[{"orderId":"1","lastUpdatedTime":"2026-01-01T00:00:00Z","salesChannel":{"channelName":"AMAZON"},"orderItems":[]}]}""", "body.orders[0]: lacks the required createdTime")]
    [InlineData($"{AmazonOrders}/1", 200, """{"order":{"orderId":"1","createdTime":"2026-01-01T00:00:00Z","lastUpdatedTime":"2026-01-01T00:00:00Z","salesChannel":{"channelName":"AMAZON"},"orderItems":[],"fulfillment":{"fulfillmentStatus":"LOST"}}}""", "body.order.fulfillment.fulfillmentStatus: \"LOST\" is not one of")]
    [InlineData($"{AmazonOrders}/1", 201, """{}""", "status 201 is not declared")]
    [InlineData("/sandbox/etsy/openapi/v3/application/users/me", 200, """{"user_id":"5"}""", "body.user_id: expected integer, got \"5\"")]
    [InlineData("/sandbox/etsy/openapi/v3/application/users/me", 200, """{"user_id":0}""", "body.user_id: 0 is below the minimum 1")]
    [InlineData("/sandbox/etsy/openapi/v3/application/users/me", 200, "[]", "body: expected object, got an array")]
    public void A_response_outside_the_spec_is_caught(string url, int status, string body, string violation)
    {
        var violations = Violations(Get(url), Json(status, body));

        Assert.StartsWith(violation, Assert.Single(violations));
    }

    [Fact]
    public void Ebays_common_auth_and_quota_errors_pass_undeclared_but_amazons_do_not()
    {
        Assert.Empty(Violations(Get(EbayOrders), Json(401, """{"errors":[{"errorId":1001}]}""")));
        Assert.Empty(Violations(Get(EbayOrders), Json(429, """{"errors":[{"errorId":2001}]}""")));
        Assert.Equal(["status 401 is not declared (declared: 200, 400, 403, 404, 413, 415, 429, 500, 503)"],
            Violations(Get(AmazonOrders), Json(401, """{"errors":[]}""")));
    }

    [Fact]
    public void Etsys_known_extra_on_an_expired_token_passes_but_only_there()
    {
        const string extra = """{"error":"invalid_token","error_description":"access token is expired"}""";

        Assert.Empty(Violations(Get("/sandbox/etsy/openapi/v3/application/users/me"), Json(401, extra)));
        Assert.Equal(["body.error_description: not in the schema"], Violations(Get("/sandbox/etsy/openapi/v3/application/users/me"), Json(404, extra)));
    }

    [Fact]
    public void Amazon_confirm_shipment_takes_a_json_body_and_answers_204_without_one()
    {
        const string url = "/sandbox/amazon/sp-api/orders/v0/orders/902-1106328-1059050/shipmentConfirmation";
        const string body = """
            {"marketplaceId":"ATVPDKIKX0DER","packageDetail":{"packageReferenceId":"1","carrierCode":"UPS","trackingNumber":"1Z999",
             "shipDate":"2026-03-01T10:00:00Z","orderItems":[{"orderItemId":"10","quantity":1}]}}
            """;

        Assert.Empty(Violations(Post(url, "application/json", body), new ApiResponse(204, [])));
        Assert.Equal(["body: lacks the required marketplaceId", "status 204 has a body"],
            Violations(Post(url, "application/json", """{"packageDetail":{"packageReferenceId":"1","carrierCode":"UPS","trackingNumber":"1Z999","shipDate":"2026-03-01T10:00:00Z","orderItems":[]}}"""), Json(204, "{}")));
        Assert.Equal(["body: required, missing"], Violations(new ApiRequest(HttpMethod.Post, new Uri(App, url), []), new ApiResponse(204, [])));
    }

    [Fact]
    public void Etsy_create_receipt_shipment_takes_typed_form_fields()
    {
        const string url = $"{EtsyShop}/receipts/456/tracking";
        var receipt = Json(200, """{"receipt_id":456,"is_shipped":true}""");

        Assert.Empty(Violations(Post(url, BodyCheck.Form, "tracking_code=1Z+999&carrier_name=ups&send_bcc=true"), receipt));
        Assert.Equal(["body.carrier: not in the schema", "body.send_bcc: expected boolean, got \"maybe\""],
            Violations(Post(url, BodyCheck.Form, "tracking_code=1Z&carrier=ups&send_bcc=maybe"), receipt));
        Assert.Equal(["body: content type application/json is not one of application/x-www-form-urlencoded"],
            Violations(Post(url, "application/json", """{"tracking_code":"1Z"}"""), receipt));
    }

    [Fact]
    public void Ebay_create_shipping_fulfillment_answers_201_with_a_location_and_no_body()
    {
        var request = Post($"{EbayOrders}/12-1/shipping_fulfillment", "application/json",
            """{"lineItems":[{"lineItemId":"1","quantity":1}],"shippedDate":"2026-03-01T10:00:00.000Z","shippingCarrierCode":"USPS","trackingNumber":"9400"}""");

        Assert.Empty(Violations(request, new ApiResponse(201, ["Location"])));
        Assert.Equal(["header Content-Type: required, missing"], Violations(request with { HeaderNames = ["Authorization"] }, new ApiResponse(201, ["Location"])));
    }

    [Fact]
    public void Calls_outside_the_three_sandbox_apis_are_not_checked()
    {
        Assert.Null(ConformanceCheck.Of(Get("/sandbox/ebay/apiz/commerce/identity/v1/user/"), Json(200, "{}")));
        Assert.Null(ConformanceCheck.Of(Post("/sandbox/ebay/api/identity/v1/oauth2/token", BodyCheck.Form, "grant_type=x"), Json(200, "{}")));
        Assert.Null(ConformanceCheck.Of(Get("/sandbox/tiktok/open-api/v2/user/info/"), Json(200, "{}")));
    }
}
