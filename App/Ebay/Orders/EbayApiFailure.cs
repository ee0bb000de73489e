using Marketplaces.Connections;

namespace Marketplaces.Ebay.Orders;

/// <summary>eBay REST errors (<c>{"errors":[{errorId, message, longMessage}]}</c>, ebay.md §3).</summary>
public static class EbayApiFailure
{
    public static readonly ErrorListFailure Errors = new("eBay", "errorId", "longMessage");
}
