using Marketplaces.Accounts;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Database;
using Marketplaces.Health;
using Marketplaces.Hosting;
using Marketplaces.Jobs;
using Marketplaces.Logging;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Secrets;

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
builder.AddWebUi();

var app = builder.Build();
app.UseWebUi();
app.Run();

public partial class Program;
