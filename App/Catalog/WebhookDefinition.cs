namespace Marketplaces.Catalog;

/// <summary>How the seller's subscriptions come to exist.</summary>
public enum WebhookRegistration
{
    /// <summary>The app subscribes on connect through the marketplace's API, and removes them on disconnect.</summary>
    Api,

    /// <summary>The owner enters the address (and secret) in the marketplace's developer portal; Settings shows them.</summary>
    ByHand,
}

/// <summary>A marketplace's webhooks as data: the topics subscribed for orders and what an accepted delivery is answered.</summary>
public sealed class WebhookDefinition
{
    public WebhookRegistration Registration { get; set; }

    /// <summary>The topics the app subscribes to for order changes, as the subscription API names them.</summary>
    public List<string> OrderTopics { get; set; } = [];

    /// <summary>The status an accepted (or duplicate) delivery is answered with.</summary>
    public int Acknowledge { get; set; } = 200;

    /// <summary>The status a delivery whose signature does not verify is answered with.</summary>
    public int Refuse { get; set; } = 401;

    /// <summary>What the inbox and settings say about this marketplace's pushes, when the fields above do not say it all.</summary>
    public string? Note { get; set; }
}
