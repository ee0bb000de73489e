namespace Marketplaces.Webhooks;

/// <summary>Settings under <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Subscribe connected accounts to the marketplaces' webhooks (default). Off for an app no marketplace can reach
    /// (no public address): orders are then polled only, and nothing is subscribed.
    /// </summary>
    public bool Subscribe { get; set; } = true;
}
