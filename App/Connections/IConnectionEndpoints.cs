namespace Marketplaces.Connections;

/// <summary>Extra connect endpoints one marketplace needs (WooCommerce's key handshake); discovered by reflection.</summary>
public interface IConnectionEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
