using Bunit;
using Marketplaces.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// A bUnit context for MudBlazor components whose app services come from a running app (its database included).
/// Disposed asynchronously: Mud's providers hold services that only implement IAsyncDisposable.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected MudComponentTest(IServiceProvider app) : this() => UseApp(app);

    /// <summary>Takes every service the test does not register itself from <paramref name="app"/>; before the first render.</summary>
    protected void UseApp(IServiceProvider app) => Services.AddFallbackServiceProvider(app);

    /// <summary>Signs in <paramref name="email"/> with <paramref name="role"/> for the components rendered afterwards.</summary>
    protected void SignIn(string email, string role = Roles.Owner)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(email);
        authorization.SetRoles(role);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
