using Marketplaces.Messages;

namespace Marketplaces.Amazon.Messaging;

/// <summary>
/// The Messaging API's message types (messaging.json; amazon.md "Buyer messages"), by the action name
/// getMessagingActionsForOrder lists and the path segment that sends it, with the text each takes (the request
/// schemas' maxLength) and whether it must carry a file (sent through the Uploads API, not built here).
/// </summary>
public static class AmazonMessageTemplates
{
    public static readonly IReadOnlyDictionary<string, (string Path, OrderMessageTemplate Template)> ByAction =
        new Dictionary<string, (string, OrderMessageTemplate)>
        {
            ["confirmCustomizationDetails"] = ("confirmCustomizationDetails", new("confirmCustomizationDetails", "Confirm customization details", 800, false)),
            ["confirmDeliveryDetails"] = ("confirmDeliveryDetails", new("confirmDeliveryDetails", "Confirm delivery details", 2000, false)),
            ["confirmOrderDetails"] = ("confirmOrderDetails", new("confirmOrderDetails", "Confirm order details", 2000, false)),
            ["confirmServiceDetails"] = ("confirmServiceDetails", new("confirmServiceDetails", "Confirm service details", 2000, false)),
            ["unexpectedProblem"] = ("unexpectedProblem", new("unexpectedProblem", "Unexpected problem", 2000, false)),
            ["digitalAccessKey"] = ("digitalAccessKey", new("digitalAccessKey", "Digital access key", 400, false)),
            ["legalDisclosure"] = ("legalDisclosure", new("legalDisclosure", "Legal disclosure", null, true)),
            ["warranty"] = ("warranty", new("warranty", "Warranty", null, true)),
            ["sendInvoice"] = ("invoice", new("sendInvoice", "Invoice", null, true)),
        };
}
