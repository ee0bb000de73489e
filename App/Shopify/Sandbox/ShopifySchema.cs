namespace Marketplaces.Shopify.Sandbox;

/// <summary>How a field's value is shaped: a scalar or enum, one object, a Relay connection, or a plain list of objects.</summary>
internal enum FieldShape { Leaf, Object, Connection, List }

/// <param name="Type">The object type of the value (of each node for connections and lists); the scalar's name for leaves.</param>
/// <param name="Arguments">The arguments the field takes, by name, with their types as the schema writes them.</param>
internal sealed record FieldSpec(string Type, FieldShape Shape, IReadOnlyDictionary<string, string> Arguments);

/// <summary>
/// The slice of the Admin API 2026-10 schema the emulator serves: the shop, orders with their lines and fulfillment
/// orders, and <c>fulfillmentCreate</c>. Names, argument types, enums and input objects are Shopify's; a field or
/// argument not listed here is refused as Shopify refuses one that does not exist.
/// </summary>
internal static class ShopifySchema
{
    public const string QueryRoot = "QueryRoot";
    public const string Mutation = "Mutation";

    /// <summary>Shopify refuses a connection page larger than this.</summary>
    public const int MaxPageSize = 250;

    private static readonly Dictionary<string, string> Paging = new()
    {
        ["first"] = "Int", ["after"] = "String", ["last"] = "Int", ["before"] = "String", ["reverse"] = "Boolean",
    };

    public static readonly Dictionary<string, Dictionary<string, FieldSpec>> Objects = new()
    {
        [QueryRoot] = new()
        {
            ["shop"] = Object("Shop"),
            ["order"] = Object("Order", new() { ["id"] = "ID!" }),
            ["orders"] = Connection("Order", new()
            {
                ["query"] = "String", ["sortKey"] = "OrderSortKeys", ["savedSearchId"] = "ID",
            }),
            ["locations"] = Connection("Location", new()
            {
                ["query"] = "String", ["sortKey"] = "LocationSortKeys", ["includeInactive"] = "Boolean", ["includeLegacy"] = "Boolean",
            }),
            ["product"] = Object("Product", new() { ["id"] = "ID!" }),
            ["products"] = Connection("Product", new() { ["query"] = "String", ["sortKey"] = "ProductSortKeys", ["savedSearchId"] = "ID" }),
            ["webhookSubscriptions"] = Connection("WebhookSubscription", new()
            {
                ["topics"] = "[WebhookSubscriptionTopic!]", ["uri"] = "String", ["format"] = "WebhookSubscriptionFormat", ["query"] = "String",
                ["sortKey"] = "WebhookSubscriptionSortKeys",
            }),
        },
        [Mutation] = new()
        {
            ["fulfillmentCreate"] = Object("FulfillmentCreatePayload", new() { ["fulfillment"] = "FulfillmentInput!", ["message"] = "String" }),
            ["productSet"] = Object("ProductSetPayload", new() { ["input"] = "ProductSetInput!", ["identifier"] = "ProductSetIdentifiers", ["synchronous"] = "Boolean" }),
            ["productUpdate"] = Object("ProductUpdatePayload", new() { ["product"] = "ProductUpdateInput", ["media"] = "[CreateMediaInput!]" }),
            ["inventorySetQuantities"] = Object("InventorySetQuantitiesPayload", new() { ["input"] = "InventorySetQuantitiesInput!" }),
            ["webhookSubscriptionCreate"] = Object("WebhookSubscriptionCreatePayload", new()
            {
                ["topic"] = "WebhookSubscriptionTopic!", ["webhookSubscription"] = "WebhookSubscriptionInput!",
            }),
            ["webhookSubscriptionDelete"] = Object("WebhookSubscriptionDeletePayload", new() { ["id"] = "ID!" }),
        },
        ["WebhookSubscription"] = Leaves("id", "legacyResourceId", "topic", "uri", "format", "createdAt", "updatedAt"),
        ["WebhookSubscriptionCreatePayload"] = new()
        {
            ["webhookSubscription"] = Object("WebhookSubscription"),
            ["userErrors"] = new("UserError", FieldShape.List, new Dictionary<string, string>()),
        },
        ["WebhookSubscriptionDeletePayload"] = With(Leaves("deletedWebhookSubscriptionId"), new()
        {
            ["userErrors"] = new("UserError", FieldShape.List, new Dictionary<string, string>()),
        }),
        ["Location"] = Leaves("id", "name", "isActive", "legacyResourceId"),
        ["Product"] = With(Leaves("id", "legacyResourceId", "title", "handle", "status", "descriptionHtml", "vendor", "createdAt", "updatedAt", "onlineStoreUrl"), new()
        {
            ["options"] = new("ProductOption", FieldShape.List, new Dictionary<string, string> { ["first"] = "Int" }),
            ["variants"] = Connection("ProductVariant"),
            ["media"] = Connection("Media"),
        }),
        ["ProductOption"] = With(Leaves("id", "name", "position"), new()
        {
            ["optionValues"] = new("ProductOptionValue", FieldShape.List, new Dictionary<string, string>()),
        }),
        ["ProductOptionValue"] = Leaves("id", "name"),
        ["ProductVariant"] = With(Leaves("id", "legacyResourceId", "title", "sku", "price", "inventoryQuantity"), new()
        {
            ["selectedOptions"] = new("SelectedOption", FieldShape.List, new Dictionary<string, string>()),
            ["inventoryItem"] = Object("InventoryItem"),
        }),
        ["SelectedOption"] = Leaves("name", "value"),
        ["InventoryItem"] = Leaves("id", "sku", "tracked"),
        ["Media"] = Leaves("id", "alt", "mediaContentType", "status"),
        ["ProductSetPayload"] = new()
        {
            ["product"] = Object("Product"),
            ["userErrors"] = new("ProductSetUserError", FieldShape.List, new Dictionary<string, string>()),
        },
        ["InventorySetQuantitiesPayload"] = new()
        {
            ["inventoryAdjustmentGroup"] = Object("InventoryAdjustmentGroup"),
            ["userErrors"] = new("InventorySetQuantitiesUserError", FieldShape.List, new Dictionary<string, string>()),
        },
        ["InventoryAdjustmentGroup"] = With(Leaves("createdAt", "reason", "referenceDocumentUri"), new()
        {
            ["changes"] = new("InventoryChange", FieldShape.List, new Dictionary<string, string>()),
        }),
        ["InventoryChange"] = Leaves("name", "delta", "quantityAfterChange"),
        ["InventorySetQuantitiesUserError"] = Leaves("field", "message", "code"),
        ["ProductUpdatePayload"] = new()
        {
            ["product"] = Object("Product"),
            ["userErrors"] = new("UserError", FieldShape.List, new Dictionary<string, string>()),
        },
        ["ProductSetUserError"] = Leaves("field", "message", "code"),
        ["Shop"] = Leaves("name", "myshopifyDomain"),
        ["Order"] = With(Leaves("id", "legacyResourceId", "name", "email", "createdAt", "updatedAt", "cancelledAt", "closed", "currencyCode",
            "displayFinancialStatus", "displayFulfillmentStatus"), new()
        {
            ["totalPriceSet"] = Object("MoneyBag"),
            ["subtotalPriceSet"] = Object("MoneyBag"),
            ["customer"] = Object("Customer"),
            ["shippingAddress"] = Object("MailingAddress"),
            ["lineItems"] = Connection("LineItem"),
            ["fulfillmentOrders"] = Connection("FulfillmentOrder", new() { ["displayable"] = "Boolean", ["query"] = "String" }),
            ["fulfillments"] = new("Fulfillment", FieldShape.List, new Dictionary<string, string> { ["first"] = "Int" }),
        }),
        ["MoneyBag"] = new() { ["shopMoney"] = Object("MoneyV2"), ["presentmentMoney"] = Object("MoneyV2") },
        ["MoneyV2"] = Leaves("amount", "currencyCode"),
        ["Customer"] = Leaves("id", "displayName", "firstName", "lastName", "email"),
        ["MailingAddress"] = Leaves("name", "firstName", "lastName", "company", "address1", "address2", "city", "province", "provinceCode", "zip",
            "country", "countryCodeV2", "phone"),
        ["LineItem"] = With(Leaves("id", "name", "title", "sku", "quantity", "currentQuantity", "unfulfilledQuantity"),
            new() { ["originalUnitPriceSet"] = Object("MoneyBag") }),
        ["FulfillmentOrder"] = With(Leaves("id", "status", "createdAt", "updatedAt"), new() { ["lineItems"] = Connection("FulfillmentOrderLineItem") }),
        ["FulfillmentOrderLineItem"] = With(Leaves("id", "totalQuantity", "remainingQuantity"), new() { ["lineItem"] = Object("LineItem") }),
        ["Fulfillment"] = With(Leaves("id", "name", "status", "createdAt", "updatedAt"), new()
        {
            ["trackingInfo"] = new("FulfillmentTrackingInfo", FieldShape.List, new Dictionary<string, string> { ["first"] = "Int" }),
        }),
        ["FulfillmentTrackingInfo"] = Leaves("company", "number", "url"),
        ["FulfillmentCreatePayload"] = new()
        {
            ["fulfillment"] = Object("Fulfillment"),
            ["userErrors"] = new("UserError", FieldShape.List, new Dictionary<string, string>()),
        },
        ["UserError"] = Leaves("field", "message"),
    };

    public static readonly Dictionary<string, Dictionary<string, string>> Inputs = new()
    {
        ["ProductSetInput"] = new()
        {
            ["title"] = "String", ["descriptionHtml"] = "String", ["handle"] = "String", ["vendor"] = "String", ["productType"] = "String",
            ["status"] = "ProductStatus", ["tags"] = "[String!]", ["productOptions"] = "[OptionSetInput!]", ["variants"] = "[ProductVariantSetInput!]",
            ["files"] = "[FileSetInput!]",
        },
        ["WebhookSubscriptionInput"] = new()
        {
            ["uri"] = "String", ["format"] = "WebhookSubscriptionFormat", ["includeFields"] = "[String!]", ["filter"] = "String",
            ["metafieldNamespaces"] = "[String!]",
        },
        ["ProductSetIdentifiers"] = new() { ["id"] = "ID", ["handle"] = "String" },
        ["OptionSetInput"] = new() { ["id"] = "ID", ["name"] = "String", ["position"] = "Int", ["values"] = "[OptionValueSetInput!]" },
        ["OptionValueSetInput"] = new() { ["id"] = "ID", ["name"] = "String" },
        ["ProductVariantSetInput"] = new()
        {
            ["id"] = "ID", ["optionValues"] = "[VariantOptionValueInput!]!", ["price"] = "Money", ["compareAtPrice"] = "Money", ["sku"] = "String",
            ["barcode"] = "String", ["inventoryItem"] = "InventoryItemInput", ["inventoryQuantities"] = "[ProductSetInventoryInput!]", ["file"] = "FileSetInput",
        },
        ["VariantOptionValueInput"] = new() { ["id"] = "ID", ["optionName"] = "String", ["name"] = "String" },
        ["InventoryItemInput"] = new() { ["tracked"] = "Boolean", ["sku"] = "String", ["requiresShipping"] = "Boolean" },
        ["ProductSetInventoryInput"] = new() { ["locationId"] = "ID!", ["name"] = "String!", ["quantity"] = "Int!" },
        ["FileSetInput"] = new() { ["id"] = "ID", ["originalSource"] = "String", ["contentType"] = "FileContentType", ["alt"] = "String", ["filename"] = "String" },
        ["InventorySetQuantitiesInput"] = new() { ["name"] = "String!", ["reason"] = "String!", ["referenceDocumentUri"] = "String", ["quantities"] = "[InventoryQuantityInput!]!" },
        ["InventoryQuantityInput"] = new() { ["inventoryItemId"] = "ID!", ["locationId"] = "ID!", ["quantity"] = "Int!", ["changeFromQuantity"] = "Int" },
        ["ProductUpdateInput"] = new() { ["id"] = "ID", ["title"] = "String", ["status"] = "ProductStatus", ["descriptionHtml"] = "String" },
        ["CreateMediaInput"] = new() { ["originalSource"] = "String!", ["mediaContentType"] = "MediaContentType!", ["alt"] = "String" },
        ["FulfillmentInput"] = new()
        {
            ["lineItemsByFulfillmentOrder"] = "[FulfillmentOrderLineItemsInput!]!", ["notifyCustomer"] = "Boolean",
            ["trackingInfo"] = "FulfillmentTrackingInput", ["originAddress"] = "FulfillmentOriginAddressInput",
        },
        ["FulfillmentOrderLineItemsInput"] = new() { ["fulfillmentOrderId"] = "ID!", ["fulfillmentOrderLineItems"] = "[FulfillmentOrderLineItemInput!]" },
        ["FulfillmentOrderLineItemInput"] = new() { ["id"] = "ID!", ["quantity"] = "Int!" },
        ["FulfillmentTrackingInput"] = new() { ["company"] = "String", ["number"] = "String", ["numbers"] = "[String!]", ["url"] = "URL", ["urls"] = "[URL!]" },
        ["FulfillmentOriginAddressInput"] = new()
        {
            ["address1"] = "String", ["address2"] = "String", ["city"] = "String", ["countryCode"] = "String!", ["provinceCode"] = "String", ["zip"] = "String",
        },
    };

    public static readonly Dictionary<string, string[]> Enums = new()
    {
        ["ProductStatus"] = ["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"],
        ["WebhookSubscriptionTopic"] = ShopifySandboxWebhooks.Topics,
        ["WebhookSubscriptionFormat"] = ["JSON", "XML"],
        ["WebhookSubscriptionSortKeys"] = ["CREATED_AT", "ID", "RELEVANCE"],
        ["FileContentType"] = ["EXTERNAL_VIDEO", "FILE", "IMAGE", "MODEL_3D", "VIDEO"],
        ["MediaContentType"] = ["EXTERNAL_VIDEO", "IMAGE", "MODEL_3D", "VIDEO"],
        ["LocationSortKeys"] = ["ID", "NAME", "RELEVANCE"],
        ["ProductSortKeys"] = ["CREATED_AT", "ID", "INVENTORY_TOTAL", "PRODUCT_TYPE", "PUBLISHED_AT", "RELEVANCE", "TITLE", "UPDATED_AT", "VENDOR"],
        ["OrderSortKeys"] =
        [
            "CREATED_AT", "CURRENT_TOTAL_PRICE", "CUSTOMER_NAME", "DESTINATION", "FINANCIAL_STATUS", "FULFILLMENT_STATUS", "ID", "ORDER_NUMBER",
            "PO_NUMBER", "PROCESSED_AT", "RELEVANCE", "TOTAL_ITEMS_QUANTITY", "TOTAL_PRICE", "UPDATED_AT",
        ],
    };

    public static readonly string[] Scalars = ["Int", "Float", "String", "Boolean", "ID", "URL", "DateTime", "Decimal", "Money", "UnsignedInt64"];

    public static bool IsInputType(string name) => Scalars.Contains(name) || Enums.ContainsKey(name) || Inputs.ContainsKey(name);

    private static FieldSpec Object(string type, Dictionary<string, string>? arguments = null) => new(type, FieldShape.Object, arguments ?? []);

    private static FieldSpec Connection(string type, Dictionary<string, string>? arguments = null) =>
        new(type, FieldShape.Connection, new Dictionary<string, string>(Paging.Concat(arguments ?? [])));

    private static Dictionary<string, FieldSpec> Leaves(params string[] names) =>
        names.ToDictionary(n => n, _ => new FieldSpec("", FieldShape.Leaf, new Dictionary<string, string>()));

    private static Dictionary<string, FieldSpec> With(Dictionary<string, FieldSpec> leaves, Dictionary<string, FieldSpec> more) =>
        new(leaves.Concat(more));
}
