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
    protected MudComponentTest(IServiceProvider app)
    {
        Services.AddMudServices();
        Services.AddFallbackServiceProvider(app);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

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
