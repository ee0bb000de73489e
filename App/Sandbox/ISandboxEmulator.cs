namespace Marketplaces.Sandbox;

/// <summary>
/// A local emulator of one marketplace's API, mounted under <c>/sandbox/{MarketplaceId}</c> when the sandbox is
/// enabled. It validates requests as strictly as the real marketplace and answers in its formats. Implementations
/// are discovered by reflection and created through DI.
/// </summary>
public interface ISandboxEmulator
{
    string MarketplaceId { get; }

    /// <param name="routes">A group already at /sandbox/{MarketplaceId}, anonymous, without antiforgery.</param>
    void Map(IEndpointRouteBuilder routes);
}
