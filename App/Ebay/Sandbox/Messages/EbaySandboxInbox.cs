using System.Globalization;
using System.Text.Json.Nodes;

namespace Marketplaces.Ebay.Sandbox.Messages;

/// <summary>One message of a sandbox conversation.</summary>
public sealed record EbaySandboxMessage(string Id, string Sender, string Recipient, string Body, string? Subject, DateTimeOffset CreatedAt)
{
    public bool Read { get; set; }
}

/// <summary>One conversation between the seller and a member (FROM_MEMBERS), about a listing.</summary>
public sealed class EbaySandboxConversation
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string OtherParty { get; init; }
    public string? ListingId { get; init; }
    public List<EbaySandboxMessage> Messages { get; } = [];
    public string Status { get; set; } = "ACTIVE";

    public int Unread(string seller) => Messages.Count(m => m.Recipient == seller && !m.Read);

    public EbaySandboxMessage Latest => Messages.MaxBy(m => m.CreatedAt)!;
}

/// <summary>
/// A seller's conversations in the emulator, in memory; tests have buyers write (<see cref="Receive"/>) and read what the
/// seller sent. Thread-safe.
/// </summary>
public sealed class EbaySandboxInbox(string seller, TimeProvider clock)
{
    private readonly List<EbaySandboxConversation> _conversations = [];
    private readonly Lock _gate = new();
    private long _nextId = 100_000;

    public string Seller => seller;

    /// <summary>A member writes to the seller: a new conversation about the listing, or the next message of theirs.</summary>
    public EbaySandboxMessage Receive(string buyer, string text, string? listingId = null, string? subject = null)
    {
        lock (_gate)
        {
            var conversation = _conversations.FirstOrDefault(c => c.OtherParty == buyer && c.ListingId == listingId);
            if (conversation is null)
                _conversations.Add(conversation = new EbaySandboxConversation
                {
                    Id = Next(), Title = subject ?? (listingId is null ? $"Message from {buyer}" : $"Question about item {listingId}"), OtherParty = buyer,
                    ListingId = listingId,
                });
            var message = new EbaySandboxMessage(Next(), buyer, seller, text, subject, Now());
            conversation.Messages.Add(message);
            return message;
        }
    }

    /// <summary>The seller's reply (send_message); null when the conversation is not the seller's.</summary>
    public EbaySandboxMessage? Reply(string conversationId, string text)
    {
        lock (_gate)
        {
            if (_conversations.FirstOrDefault(c => c.Id == conversationId) is not { } conversation) return null;
            var message = new EbaySandboxMessage(Next(), seller, conversation.OtherParty, text, null, Now()) { Read = true };
            conversation.Messages.Add(message);
            return message;
        }
    }

    public bool MarkRead(string conversationId, bool read)
    {
        lock (_gate)
        {
            if (_conversations.FirstOrDefault(c => c.Id == conversationId) is not { } conversation) return false;
            foreach (var message in conversation.Messages.Where(m => m.Recipient == seller)) message.Read = read;
            return true;
        }
    }

    public T Read<T>(Func<IReadOnlyList<EbaySandboxConversation>, T> read)
    {
        lock (_gate) return read(_conversations);
    }

    public JsonObject Json(EbaySandboxConversation c) => Present(new JsonObject
    {
        ["conversationId"] = c.Id, ["conversationStatus"] = c.Status, ["conversationTitle"] = c.Title, ["conversationType"] = "FROM_MEMBERS",
        ["createdDate"] = Time(c.Messages.Min(m => m.CreatedAt)), ["latestMessage"] = Json(c.Latest),
        ["referenceId"] = c.ListingId, ["referenceType"] = c.ListingId is null ? null : "LISTING", ["unreadCount"] = c.Unread(seller),
    });

    public static JsonObject Json(EbaySandboxMessage m) => Present(new JsonObject
    {
        ["createdDate"] = Time(m.CreatedAt), ["messageBody"] = m.Body, ["messageId"] = m.Id, ["messageMedia"] = new JsonArray(),
        ["readStatus"] = m.Read, ["recipientUsername"] = m.Recipient, ["senderUsername"] = m.Sender, ["subject"] = m.Subject,
    });

    /// <summary>eBay leaves a field without a value out rather than sending null (the contract types them non-nullable).</summary>
    public static JsonObject Present(JsonObject json)
    {
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(name);
        return json;
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string Next() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private DateTimeOffset Now() => clock.GetUtcNow();
}
