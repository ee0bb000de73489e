using Marketplaces.Accounts;
using Marketplaces.Connections;
using Marketplaces.Products;
using Marketplaces.Sandbox;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Health;
using Marketplaces.Hosting;
using Marketplaces.Inventory;
using Marketplaces.Jobs;
using Marketplaces.Logging;
using Marketplaces.Messages;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Secrets;
using Marketplaces.Uploads;
using Marketplaces.Webhooks;

WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
    var paths = AppPaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddSingleton(paths);
    builder.AddFileLogging(paths);
    var database = builder.AddDatabase(paths);
    builder.AddSecrets(paths);
    builder.AddAccounts();
    builder.Services.AddJobs(database, paths);
    builder.Services.AddHealth();
    builder.AddConnections();
    builder.AddSandbox();
    builder.Services.AddPolling();
    builder.Services.AddOrders();
    builder.Services.AddProducts();
    builder.Services.AddInventory();
    builder.Services.AddWebhooks();
    builder.Services.AddMessages();
    builder.Services.AddUploads();
    builder.Services.AddDropshipping(builder.Configuration);
    builder.AddWebUi();

    app = builder.Build();
    app.UseWebUi();
    // Not RunAsync, which disposes the host as soon as a start fails: under WebApplicationFactory that can overtake the
    // test host asking the app for its services, and the test sees ObjectDisposedException instead of the refusal. A
    // refused start is disposed below; the test host disposes its own.
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    await app.DisposeAsync();
}
// Under WebApplicationFactory (which names the content root in this variable) the refusal reaches the test instead.
catch (Exception failure) when (StartupRefusal.In(failure) is { } refusal
                                && Environment.GetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACES") is null)
{
    Console.Error.WriteLine($"Marketplaces did not start: {refusal.Message}");
    Environment.ExitCode = 2;
    // What had started before the refusal (schema lock, checkpointer, job server) stops with the app.
    if (app is not null) await app.DisposeAsync();
}

public partial class Program;
