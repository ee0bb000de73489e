using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.TikTok.Webhooks;

/// <summary>
/// TikTok's <c>authorization.removed</c> (tiktok.md §5.3): the token is already revoked when it arrives, so the
/// connection is marked to be connected again at once, with TikTok's reason in words, rather than at its next failing call.
/// </summary>
public sealed class TikTokGrantRemovals(IDbContextFactory<AppDbContext> contexts, ConnectionAudit audit, TimeProvider clock, Notifier<Connection> changes)
    : IWebhookHandler
{
    public bool Handles(WebhookEvent delivery) => delivery.Kind == WebhookKind.GrantRemoved && delivery.Marketplace == "tiktok";

    public async Task<(bool Failed, string Outcome)> HandleAsync(WebhookEvent delivery, CancellationToken ct)
    {
        if (delivery.ConnectionId is not { } connectionId) return (false, "No connection here for this TikTok user");
        var reason = Reason(delivery.Body);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null) return (false, "The connection is gone");
        connection.State = ConnectionState.ReconnectNeeded;
        connection.StateReason = $"TikTok says the authorization was removed: {reason}. Connect again to go on.";
        connection.UpdatedAt = clock.GetUtcNow();
        audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, WebhookProcessor.Actor, ConnectionAction.Revoke,
            true, $"TikTok removed the authorization: {reason}");
        await db.SaveChangesAsync(ct);
        changes.Changed();
        return (false, $"Marked to connect again: {reason}");
    }

    /// <summary><c>content</c> is a JSON string holding <c>{"reason": n}</c>.</summary>
    private static string Reason(string? body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body ?? "");
            using var content = JsonDocument.Parse(envelope.RootElement.GetProperty("content").GetString() ?? "");
            return content.RootElement.GetProperty("reason").GetInt32() switch
            {
                1 => "the account holder disconnected the app in TikTok",
                2 => "the TikTok account was deleted",
                3 => "the account holder's age changed",
                4 => "the TikTok account was banned",
                5 => "the app's developer revoked it",
                _ => "TikTok gave no reason",
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "TikTok gave no reason";
        }
    }
}
