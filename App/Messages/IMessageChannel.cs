using Marketplaces.Connections;

namespace Marketplaces.Messages;

/// <summary>A conversation as the marketplace lists it, with its latest message.</summary>
public sealed record RemoteConversation(
    string Id, string Title, string? OtherParty, string? ReferenceId, int UnreadCount, RemoteMessage? Latest);

public sealed record RemoteMessage(string Id, string Sender, string Body, string? Subject, DateTimeOffset SentAt);

/// <summary>A marketplace's buyer-message API: conversations, their messages, a reply, marking read. Found by reflection.</summary>
public interface IMessageChannel : IMarketplaceAdapter
{
    /// <summary>Conversations with buyers changed since <paramref name="since"/> (all of them when null).</summary>
    Task<IReadOnlyList<RemoteConversation>> ConversationsAsync(ConnectionApi api, DateTimeOffset? since, CancellationToken ct);

    Task<IReadOnlyList<RemoteMessage>> MessagesAsync(ConnectionApi api, string conversationId, CancellationToken ct);

    Task<RemoteMessage> ReplyAsync(ConnectionApi api, string conversationId, string text, CancellationToken ct);

    Task MarkReadAsync(ConnectionApi api, string conversationId, CancellationToken ct);

    /// <summary>The longest reply the marketplace takes.</summary>
    int MaxReplyLength { get; }
}
