using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Database;

/// <summary>Hands out the provider's own context type wherever the app asks for <see cref="AppDbContext"/>.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => contexts.CreateDbContext();
}
