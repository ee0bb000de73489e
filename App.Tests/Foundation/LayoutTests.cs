using Marketplaces.Hosting;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Foundation;

public sealed class LayoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Settings_come_from_the_root_appsettings_json()
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(RepositoryRoot.Path, app.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        // A value only the root appsettings.json sets.
        Assert.Equal("Warning", configuration["Logging:LogLevel:Hangfire"]);
        Assert.Equal("30", configuration["Database:StartTimeoutSeconds"]);
    }

    [Fact]
    public async Task Files_are_served_from_the_root_wwwroot()
    {
        var expected = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "wwwroot", "app.css"));
        var served = await app.CreateClient().GetStringAsync("/app.css");
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task The_frameworks_blazor_script_and_the_mudblazor_assets_are_served()
    {
        var client = app.CreateClient();
        var script = await client.GetAsync("/_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Blazor", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_content/MudBlazor/MudBlazor.min.js")).StatusCode);
    }

    [Fact]
    public void Runtime_data_lives_in_the_configured_data_directory()
    {
        var paths = app.Services.GetRequiredService<AppPaths>();
        Assert.Equal(app.DataDirectory, paths.DataDirectory);
        Assert.True(Directory.Exists(paths.Keys));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(paths.Keys));
    }
}
