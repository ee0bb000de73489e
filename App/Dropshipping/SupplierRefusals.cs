namespace Marketplaces.Dropshipping;

/// <summary>What a supplier's refusal of an order (aliexpress.md §5.4's error codes) means for the seller, and what to do.</summary>
public static class SupplierRefusals
{
    public static string Describe(string code, string? message)
    {
        var detail = string.IsNullOrWhiteSpace(message) ? "" : $" ({message})";
        return code switch
        {
            "B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL" => $"AliExpress refused the address{detail}. Correct it below and order again.",
            "B_DROPSHIPPER_DELIVERY_ADDRESS_CPF_CN_INVALID" or "B_DROPSHIPPER_DELIVERY_ADDRESS_CPF_NOT_MATCH" =>
                $"AliExpress refused the buyer's CPF{detail}. Ask the buyer for it, enter it below and order again.",
            "INVENTORY_HOLD_ERROR" => $"The supplier has not enough stock of a variant{detail}. Nothing was ordered: choose another supplier or cancel the order.",
            "DELIVERY_METHOD_NOT_EXIST" => $"That shipping service is not offered for this product to this country{detail}. Choose another and order again.",
            "PRICE_PAY_CURRENCY_ERROR" => $"AliExpress cannot charge in this currency{detail}.",
            "REPEATED_ORDER_ERROR" => $"AliExpress already has an order with this order's id{detail}: look for it in your AliExpress orders before ordering again.",
            "BLACKLIST_BUYER_IN_LIST" or "USER_ACCOUNT_DISABLED" or "A006_INVALID_ACCOUNT_INFO" =>
                $"AliExpress refuses orders from the connected buyer account{detail}. Check the account on AliExpress.",
            _ => $"AliExpress refused the order: {code}{detail}. Nothing was ordered.",
        };
    }
}
