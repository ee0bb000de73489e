using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Hosting;

/// <summary>A database outage answers 503 "temporarily unavailable"; any other failure 500 "something went wrong".</summary>
public sealed class ErrorPagesTests
{
    [Fact]
    public async Task While_the_database_refuses_connections_pages_answer_503_and_come_back_after()
    {
        await using var app = new AppFactory().OnPostgreSql();
        await app.InitializeAsync();
        await app.EnsureOwnerAsync();
        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/orders")).StatusCode);

        await TestPostgres.RefuseConnectionsAsync(app.Database.ConnectionString);
        var signingIn = HtmlForms.SubmitAsync(app.CreateBrowserLikeClient(), "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password });
        foreach (var response in new[] { await owner.GetAsync("/orders"), await signingIn })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Temporarily unavailable</h1>", html);
            Assert.DoesNotContain("Not found", html);
            Assert.DoesNotContain(app.Database.ConnectionString, html);
            Assert.DoesNotContain("Npgsql", html);
        }

        await TestPostgres.RefuseConnectionsAsync(app.Database.ConnectionString, refuse: false);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/orders")).StatusCode);
    }

    [Fact]
    public async Task Any_other_failure_answers_500_with_a_reference_found_in_the_log_and_no_detail()
    {
        await using var app = new FailingApp();
        await app.InitializeAsync();
        await app.EnsureOwnerAsync();
        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);

        var response = await owner.GetAsync(FailingApp.Path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Something went wrong</h1>", html);
        Assert.DoesNotContain(FailingApp.Detail, html);
        Assert.DoesNotContain("Not found", html);
        Assert.StartsWith("default-src 'self'; script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        var reference = System.Text.RegularExpressions.Regex.Match(html, "<code>([^<]+)</code>").Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.Contains(app.Logs.Lines, l => l.Contains($"Request {reference} failed"));
    }

    /// <summary>The app with one more route at the end of its pipeline, one that fails as a bug would.</summary>
    private sealed class FailingApp : AppFactory
    {
        public const string Path = "/test/fails";
        public const string Detail = "detail only the log may hold";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingRoute>());
        }

        private sealed class FailingRoute : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Run(context => context.Request.Path == Path ? throw new InvalidOperationException(Detail) : Task.CompletedTask);
            };
        }
    }
}
