using System.Collections.Concurrent;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Messages;

/// <summary>A conversation as the inbox lists it.</summary>
public sealed record InboxConversation(Guid Id, Guid ConnectionId, string Connection, string Marketplace, string Title, string? OtherParty,
    int UnreadCount, DateTimeOffset LatestAt, string? LatestText);

/// <summary>
/// The buyer-messages inbox: each connection with a message channel is read every five minutes (and on "Refresh"),
/// conversations changed since the last read (ten minutes' overlap) and the messages of those whose latest message
/// changed; replies and "read" go to the marketplace first and are kept here only once it took them. Message text is
/// buyer data: never logged.
/// </summary>
public sealed class MessageInbox(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IMessageChannel> channels, ConnectionApis apis, IExclusiveLocks locks, TimeProvider clock,
    Notifier<Conversation> changes)
{
    public const string Actor = "messages";
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, IMessageChannel> _channels = channels.ToDictionary(c => c.MarketplaceId, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset? ReadUpTo, string? Problem)> _reads = new();

    public bool Reads(string marketplace) => _channels.ContainsKey(marketplace);

    public int MaxReplyLength(string marketplace) => _channels[marketplace].MaxReplyLength;

    /// <summary>Why the last read of a connection's messages failed, if it did.</summary>
    public string? Problem(Guid connectionId) => _reads.GetValueOrDefault(connectionId).Problem;

    public async Task<string> SyncAllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = (await db.Set<Connection>().AsNoTracking().Where(c => c.State == ConnectionState.Connected).Select(c => new { c.Id, c.Marketplace })
            .ToListAsync(ct)).Where(c => Reads(c.Marketplace)).ToList();
        var results = new List<string>();
        foreach (var connection in connections) results.Add(await SyncAsync(connection.Id, ct));
        return $"{connections.Count} connections read: {string.Join("; ", results)}";
    }

    public async Task<string> SyncAsync(Guid connectionId, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("messages", connectionId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is not { State: ConnectionState.Connected } || !_channels.TryGetValue(connection.Marketplace, out var channel)) return "not connected";
        var started = clock.GetUtcNow();
        var previous = _reads.GetValueOrDefault(connectionId).ReadUpTo;
        try
        {
            var api = await apis.OpenAsync(connection, Actor, ct);
            var remote = await channel.ConversationsAsync(api, previous - Overlap, ct);
            var ids = remote.Select(r => r.Id).ToList();
            var known = await db.Set<Conversation>().Where(c => c.ConnectionId == connectionId && ids.Contains(c.ExternalId))
                .Include(c => c.Messages).ToDictionaryAsync(c => c.ExternalId, ct);
            var fetched = 0;
            foreach (var listed in remote)
            {
                if (!known.TryGetValue(listed.Id, out var conversation))
                {
                    conversation = new Conversation
                    {
                        Id = Guid.NewGuid(), ConnectionId = connectionId, Marketplace = connection.Marketplace, ExternalId = listed.Id, Title = listed.Title,
                    };
                    db.Add(conversation);
                }
                conversation.Title = listed.Title;
                conversation.OtherParty = listed.OtherParty;
                conversation.ReferenceId = listed.ReferenceId;
                conversation.UnreadCount = listed.UnreadCount;
                if (listed.Latest is { } latest && latest.Id != conversation.LatestMessageId)
                {
                    foreach (var message in await channel.MessagesAsync(api, listed.Id, ct)) Keep(conversation, message);
                    Keep(conversation, latest);
                    fetched++;
                }
            }
            await db.SaveChangesAsync(ct);
            _reads[connectionId] = (started, null);
            changes.Changed();
            return $"{remote.Count} conversations, {fetched} with new messages";
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException)
        {
            _reads[connectionId] = (previous, e.Message);
            changes.Changed();
            return $"failed: {e.Message}";
        }
    }

    public async Task<IReadOnlyList<InboxConversation>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Conversation>().AsNoTracking()
            .Join(db.Set<Connection>(), c => c.ConnectionId, n => n.Id, (c, n) => new { c, n.DisplayName })
            .OrderByDescending(x => x.c.LatestAt).Take(200)
            .Select(x => new InboxConversation(x.c.Id, x.c.ConnectionId, x.DisplayName, x.c.Marketplace, x.c.Title, x.c.OtherParty, x.c.UnreadCount, x.c.LatestAt, x.c.LatestText))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Conversation>().SumAsync(c => c.UnreadCount, ct);
    }

    public async Task<Conversation?> OpenAsync(Guid conversationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var conversation = await db.Set<Conversation>().AsNoTracking().Include(c => c.Messages).SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        conversation?.Messages.Sort((a, b) => a.SentAt.CompareTo(b.SentAt));
        return conversation;
    }

    /// <summary>Marks the conversation read at the marketplace, then here; the marketplace's refusal, if any.</summary>
    public Task<string?> MarkReadAsync(Guid conversationId, CancellationToken ct = default) =>
        WithConversationAsync(conversationId, async (channel, api, conversation, db) =>
        {
            if (conversation.UnreadCount == 0) return null;
            await channel.MarkReadAsync(api, conversation.ExternalId, ct);
            conversation.UnreadCount = 0;
            await db.SaveChangesAsync(ct);
            return null;
        }, ct);

    /// <summary>Sends a reply; kept here once the marketplace took it. What to tell the seller when it did not.</summary>
    public Task<string?> ReplyAsync(Guid conversationId, string text, CancellationToken ct = default) =>
        WithConversationAsync(conversationId, async (channel, api, conversation, db) =>
        {
            var reply = text.Trim();
            if (reply.Length == 0) return "Write a reply first.";
            if (reply.Length > channel.MaxReplyLength) return $"A reply is at most {channel.MaxReplyLength} characters; this one is {reply.Length}.";
            var sent = await channel.ReplyAsync(api, conversation.ExternalId, reply, ct);
            Keep(conversation, sent with { Sender = sent.Sender.Length > 0 ? sent.Sender : api.Connection.DisplayName }, fromSeller: true);
            await db.SaveChangesAsync(ct);
            return null;
        }, ct);

    private async Task<string?> WithConversationAsync(Guid conversationId,
        Func<IMessageChannel, ConnectionApi, Conversation, AppDbContext, Task<string?>> work, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var conversation = await db.Set<Conversation>().Include(c => c.Messages).SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null) return "The conversation is no longer here.";
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == conversation.ConnectionId, ct);
        if (connection.State != ConnectionState.Connected) return $"{connection.DisplayName} needs to be connected again first.";
        try
        {
            var failure = await work(_channels[connection.Marketplace], await apis.OpenAsync(connection, Actor, ct), conversation, db);
            changes.Changed();
            return failure;
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException)
        {
            return e.Message;
        }
    }

    private static void Keep(Conversation conversation, RemoteMessage message, bool? fromSeller = null)
    {
        if (conversation.Messages.FirstOrDefault(m => m.ExternalId == message.Id) is null)
            conversation.Messages.Add(new ConversationMessage
            {
                ExternalId = message.Id, Sender = message.Sender, Body = message.Body, Subject = message.Subject, SentAt = message.SentAt,
                FromSeller = fromSeller ?? (conversation.OtherParty is not null && message.Sender != conversation.OtherParty),
            });
        if (message.SentAt >= conversation.LatestAt)
        {
            conversation.LatestAt = message.SentAt;
            conversation.LatestMessageId = message.Id;
            conversation.LatestText = message.Body.Length > 140 ? message.Body[..140] + "…" : message.Body;
        }
    }
}
