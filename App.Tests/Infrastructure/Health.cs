namespace Marketplaces.Tests.Infrastructure;

public static class Health
{
    /// <summary>The scheduler joins once the app has started, so health turns green a moment after start-up.</summary>
    public static async Task<string> WaitUntilHealthyAsync(this HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) return body;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/healthz stayed {(int)response.StatusCode}: {body}");
            await Task.Delay(200);
        }
    }
}
