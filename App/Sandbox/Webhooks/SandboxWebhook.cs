namespace Marketplaces.Sandbox.Webhooks;

/// <summary>One subscription an emulator holds for a seller, as its marketplace keeps it.</summary>
public sealed class SandboxWebhook
{
    public long Id { get; init; }
    public required string Seller { get; init; }
    public required string Topic { get; set; }
    public required string Address { get; set; }
    public string? Secret { get; set; }
    public string? Name { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Deliveries failed in a row since the last that succeeded.</summary>
    public int Failures { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; set; }
}

/// <summary>A delivery an emulator made, with what the app answered (null: no answer), for tests.</summary>
public sealed record SandboxDeliveryRecord(string Marketplace, long WebhookId, string Topic, int? Status);
