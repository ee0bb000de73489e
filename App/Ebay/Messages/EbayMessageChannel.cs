using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Ebay.Orders;
using Marketplaces.Messages;
using Marketplaces.RateLimits;

namespace Marketplaces.Ebay.Messages;

/// <summary>
/// eBay's Commerce Message API (ebay.md "Buyer messages", commerce_message_v1_oas3.json): conversations with members
/// (<c>conversation_type=FROM_MEMBERS</c>, which eBay requires), pages followed by <c>next</c>; a conversation's messages;
/// <c>send_message</c> (2,000 characters at most) and <c>update_conversation</c> to mark it read. The seller's own
/// username is the connection's display name (Commerce Identity's <c>username</c>).
/// </summary>
public sealed class EbayMessageChannel : IMessageChannel
{
    private const string Members = "FROM_MEMBERS";
    private const int PageSize = 50;

    public string MarketplaceId => EbayRest.MarketplaceId;

    public int MaxReplyLength => 2000;

    public async Task<IReadOnlyList<RemoteConversation>> ConversationsAsync(ConnectionApi api, DateTimeOffset? since, CancellationToken ct)
    {
        var found = new List<RemoteConversation>();
        var url = Url(api, $"conversation?conversation_type={Members}&limit={PageSize}&offset=0"
                           + (since is { } from ? $"&start_time={Uri.EscapeDataString(from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))}" : ""));
        for (var pages = 0; url is not null && pages < 100; pages++)
        {
            using var json = await GetAsync(api, url, ct);
            if (json.RootElement.TryGetProperty("conversations", out var list) && list.ValueKind == JsonValueKind.Array)
                found.AddRange(list.EnumerateArray().Select(c => Conversation(api, c)));
            url = json.RootElement.TryGetProperty("next", out var next) && next.GetString() is { Length: > 0 } href ? Followable(api, href) : null;
        }
        return found;
    }

    public async Task<IReadOnlyList<RemoteMessage>> MessagesAsync(ConnectionApi api, string conversationId, CancellationToken ct)
    {
        using var json = await GetAsync(api, Url(api, $"conversation/{Uri.EscapeDataString(conversationId)}?conversation_type={Members}&limit={PageSize}&offset=0"), ct);
        return json.RootElement.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(m => Message(m, "senderUsername")).ToList()
            : [];
    }

    public async Task<RemoteMessage> ReplyAsync(ConnectionApi api, string conversationId, string text, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Post, Url(api, "send_message"), token, Quota,
            new { conversationId, messageText = text }), ct);
        using var json = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
        return Message(json.RootElement, "senderUserName");
    }

    public async Task MarkReadAsync(ConnectionApi api, string conversationId, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Post, Url(api, "update_conversation"), token, Quota,
            new { conversationId, conversationType = Members, read = true }), ct);
        if (!response.IsSuccessStatusCode) (await EbayApiFailure.Errors.ReadJsonAsync(response, ct)).Dispose();
    }

    private const string Quota = "commerce.message";

    private static async Task<JsonDocument> GetAsync(ConnectionApi api, string url, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Get, url, token, Quota), ct);
        return await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
    }

    private static string Url(ConnectionApi api, string path) => EbayRest.Url(api, $"commerce/message/v1/{path}");

    /// <summary>A <c>next</c> link is followed only on eBay's own API host, where the token may go.</summary>
    private static string Followable(ConnectionApi api, string next) =>
        Uri.TryCreate(next, UriKind.Absolute, out var url)
        && Uri.Compare(url, new Uri(api.Target.Endpoints.ApiBaseUrl), UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? next
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "eBay's next page of conversations is not a link to its API");

    private static RemoteConversation Conversation(ConnectionApi api, JsonElement c)
    {
        var latest = c.TryGetProperty("latestMessage", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
        var sender = latest is { } l ? Text(l, "senderUsername") : null;
        var other = sender is null || sender == api.Connection.DisplayName ? latest is { } r ? Text(r, "recipientUsername") : null : sender;
        return new RemoteConversation(Text(c, "conversationId") ?? throw Invalid("a conversation without conversationId"),
            Text(c, "conversationTitle") ?? "(no title)", other, Text(c, "referenceId"),
            c.TryGetProperty("unreadCount", out var unread) && unread.TryGetInt32(out var n) ? n : 0,
            latest is { } message ? Message(message, "senderUsername") : null);
    }

    private static RemoteMessage Message(JsonElement m, string senderField) =>
        new(Text(m, "messageId") ?? throw Invalid("a message without messageId"), Text(m, senderField) ?? "", Text(m, "messageBody") ?? "", Text(m, "subject"),
            DateTimeOffset.TryParse(Text(m, "createdDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
                : throw Invalid("a message without a readable createdDate"));

    private static MarketplaceException Invalid(string what) => new(MarketplaceErrorKind.Rejected, $"eBay's Message API answered {what}");

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
