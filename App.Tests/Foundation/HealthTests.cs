using System.Text.Json;
using Marketplaces.Tests.Infrastructure;
using Npgsql;

namespace Marketplaces.Tests.Foundation;

public sealed class HealthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Healthz_reports_database_and_scheduler_without_signing_in()
    {
        using var json = JsonDocument.Parse(await app.CreateClient().WaitUntilHealthyAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.DoesNotContain("Password", json.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class UnhealthyDatabaseTests
{
    [Fact]
    public async Task Healthz_answers_503_when_the_database_refuses_connections()
    {
        await using var app = new AppFactory().OnPostgreSql();
        await app.InitializeAsync();
        var client = app.CreateClient();
        await client.WaitUntilHealthyAsync();

        await TestPostgres.RefuseConnectionsAsync(app.Database.ConnectionString);

        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"database\":{\"status\":\"Unhealthy\"", body);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Host!, body);
    }
}
