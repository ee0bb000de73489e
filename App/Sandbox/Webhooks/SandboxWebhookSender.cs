using System.Net.Http.Headers;
using System.Threading.Channels;

namespace Marketplaces.Sandbox.Webhooks;

/// <summary>One HTTP delivery: the exact body bytes (signatures are over them) and the marketplace's headers.</summary>
/// <param name="Answered">Called with the status the receiver answered, or null when it could not be reached.</param>
public sealed record SandboxDelivery(string Address, byte[] Body, string ContentType, IReadOnlyDictionary<string, string> Headers, Action<int?> Answered);

/// <summary>
/// Posts the emulators' webhook deliveries in the background, as marketplaces do (never in the request that changed
/// the order), a few at a time, each with a 5-second budget (Shopify's; shopify.md §3).
/// </summary>
public sealed class SandboxWebhookSender(IHttpClientFactory http) : BackgroundService
{
    public const string Client = "sandbox-webhooks";
    private const int Senders = 4;
    private readonly Channel<SandboxDelivery> _queue = Channel.CreateUnbounded<SandboxDelivery>();

    /// <summary>Queues a delivery; the task ends with the status the receiver answered (null: not reached).</summary>
    public Task<int?> SendAsync(string address, byte[] body, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        var answered = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(new SandboxDelivery(address, body, contentType, headers, status => answered.TrySetResult(status)));
        return answered.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => SendAllAsync(stoppingToken)));

    private async Task SendAllAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(ct)) delivery.Answered(await PostAsync(delivery, ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<int?> PostAsync(SandboxDelivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Address) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.ContentType);
        foreach (var (name, value) in delivery.Headers) request.Headers.TryAddWithoutValidation(name, value);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await http.CreateClient(Client).SendAsync(request, budget.Token);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
