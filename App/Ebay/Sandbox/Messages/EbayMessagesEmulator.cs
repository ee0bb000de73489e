using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox.Messages;

/// <summary>
/// The Commerce Message API (commerce_message_v1_oas3.json) for the built-in sandbox's sellers: getConversations
/// (conversation_type required; start_time, limit, offset; href/next/total), getConversation, sendMessage (2,000
/// characters, to a conversation of the seller's) and updateConversation (read), with the commerce.message scope.
/// </summary>
public sealed class EbayMessagesEmulator(TimeProvider clock) : ISandboxEmulator
{
    private const string Root = "/api/commerce/message/v1";
    private static readonly string[] Types = ["FROM_EBAY", "FROM_MEMBERS"];
    private readonly ConcurrentDictionary<string, EbaySandboxInbox> _inboxes = new();

    public string MarketplaceId => EbayEmulator.Id;

    public EbaySandboxInbox Inbox(EbaySandboxAccount seller) => _inboxes.GetOrAdd(seller.Username, name => new EbaySandboxInbox(name, clock));

    public void Map(IEndpointRouteBuilder routes)
    {
        var restApi = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
        async Task<(EbaySandboxInbox? Inbox, IResult? Refused)> CallerAsync(HttpRequest request, CancellationToken ct)
        {
            var caller = await restApi.CallerAsync(request, ct);
            if (caller is null) return (null, EbayRestApi.InvalidAccessToken());
            return caller.Scopes.Contains(EbayScopes.Base + "/commerce.message") ? (Inbox(caller.User), null) : (null, EbayRestApi.AccessDenied());
        }

        routes.MapGet(Root + "/conversation", async (HttpRequest request, CancellationToken ct) =>
        {
            var (inbox, refused) = await CallerAsync(request, ct);
            if (refused is not null) return refused;
            var type = request.Query["conversation_type"].ToString();
            if (type.Length == 0) return Error(355017, "The required conversation_type query parameter is either missing or has an invalid value.");
            if (!Types.Contains(type)) return Error(355002, "Invalid conversation_type value. Please see documentation for valid values.");
            if (Paging(request, out var limit, out var offset) is { } paging) return paging;
            DateTimeOffset? since = null;
            if (request.Query["start_time"].ToString() is { Length: > 0 } start)
            {
                if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return Error(355005, "Invalid date format used for one or both date filters. Please use ISO 8601 dates with UTC offset.");
                since = at;
            }
            var matching = type == "FROM_EBAY" ? [] : inbox!.Read(all => all.Where(c => since is null || c.Latest.CreatedAt >= since)
                .OrderByDescending(c => c.Latest.CreatedAt).Select(inbox.Json).ToList());
            var href = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
            string Page(int at) => $"{href}?conversation_type={type}&limit={limit}&offset={at}" + (since is null ? "" : $"&start_time={Uri.EscapeDataString(request.Query["start_time"]!)}");
            return Results.Json(EbaySandboxInbox.Present(new JsonObject
            {
                ["conversations"] = new JsonArray([.. matching.Skip(offset).Take(limit)]), ["href"] = Page(offset), ["limit"] = limit, ["offset"] = offset,
                ["next"] = offset + limit < matching.Count ? Page(offset + limit) : null, ["total"] = matching.Count,
            }));
        });
        routes.MapGet(Root + "/conversation/{conversationId}", async (HttpRequest request, string conversationId, CancellationToken ct) =>
        {
            var (inbox, refused) = await CallerAsync(request, ct);
            if (refused is not null) return refused;
            if (!Types.Contains(request.Query["conversation_type"].ToString())) return Error(355002, "Invalid conversation_type value. Please see documentation for valid values.");
            if (Paging(request, out var limit, out var offset) is { } paging) return paging;
            var found = inbox!.Read(all => all.FirstOrDefault(c => c.Id == conversationId) is { } c
                ? (c, c.Messages.OrderByDescending(m => m.CreatedAt).Select(EbaySandboxInbox.Json).ToList())
                : ((EbaySandboxConversation, List<JsonObject>)?)null);
            if (found is not var (conversation, messages)) return Error(355007, "Invalid or unrecognized conversation_id value.");
            return Results.Json(new JsonObject
            {
                ["conversationStatus"] = conversation.Status, ["conversationTitle"] = conversation.Title, ["conversationType"] = "FROM_MEMBERS",
                ["href"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}", ["limit"] = limit,
                ["messages"] = new JsonArray([.. messages.Skip(offset).Take(limit)]), ["offset"] = offset, ["total"] = messages.Count,
            });
        });
        routes.MapPost(Root + "/send_message", async (HttpRequest request, CancellationToken ct) =>
        {
            var (inbox, refused) = await CallerAsync(request, ct);
            if (refused is not null) return refused;
            if (await SandboxBody.ReadObjectAsync(request, ct) is not { } body) return Error(355015, "Please pass message text or upload one of more media attachments.");
            var text = body["messageText"]?.GetValue<string>() ?? "";
            if (text.Trim().Length == 0) return Error(355015, "Please pass message text or upload one of more media attachments.");
            if (text.Length > 2000) return Error(355013, "The messageText string exceeds the maximum character threshold of 2000.");
            if (body["conversationId"]?.GetValue<string>() is not { } conversationId) return Error(355018, "conversationId and otherPartyUsername cannot both be empty.");
            if (inbox!.Reply(conversationId, text) is not { } sent) return Error(355007, "Invalid or unrecognized conversation_id value.");
            var json = EbaySandboxInbox.Json(sent);
            return Results.Json(EbaySandboxInbox.Present(new JsonObject
            {
                ["createdDate"] = json["createdDate"]!.DeepClone(), ["messageBody"] = sent.Body, ["messageId"] = sent.Id, ["messageMedia"] = new JsonArray(),
                ["readStatus"] = true, ["recipientUserName"] = sent.Recipient, ["senderUserName"] = sent.Sender, ["subject"] = sent.Subject,
            }), statusCode: StatusCodes.Status201Created);
        });
        routes.MapPost(Root + "/update_conversation", async (HttpRequest request, CancellationToken ct) =>
        {
            var (inbox, refused) = await CallerAsync(request, ct);
            if (refused is not null) return refused;
            if (await SandboxBody.ReadObjectAsync(request, ct) is not { } body || body["conversationId"]?.GetValue<string>() is not { } conversationId)
                return Error(355007, "Invalid or unrecognized conversation_id value.");
            if (!Types.Contains(body["conversationType"]?.GetValue<string>() ?? ""))
                return Error(355002, "Invalid conversationType value. Please see documentation for valid values.");
            if (body["read"] is JsonValue read && read.GetValueKind() is JsonValueKind.True or JsonValueKind.False && !inbox!.MarkRead(conversationId, read.GetValue<bool>()))
                return Error(355007, "Invalid or unrecognized conversation_id value.");
            return Results.NoContent();
        });
    }

    /// <summary>limit 1-50 (default 25) and offset from 0; the contract's refusal otherwise.</summary>
    private static IResult? Paging(HttpRequest request, out int limit, out int offset)
    {
        limit = 25;
        offset = 0;
        if (request.Query["limit"].ToString() is { Length: > 0 } l && !(int.TryParse(l, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= 50))
            return Error(355009, "Invalid limit. The limit value must be a positive integer value that does not exceed 50.");
        if (request.Query["offset"].ToString() is { Length: > 0 } o && !(int.TryParse(o, CultureInfo.InvariantCulture, out offset) && offset >= 0))
            return Error(355008, "Invalid offset. The offset value must be a positive integer value and synchronized up with the limit.");
        return null;
    }

    /// <summary>Errors in eBay's shape, with the ids and messages the contract lists.</summary>
    private static IResult Error(int id, string message, int status = 400) =>
        Results.Json(new { errors = new[] { new { errorId = id, domain = "API_MESSAGE", category = "REQUEST", message } } }, statusCode: status);
}
