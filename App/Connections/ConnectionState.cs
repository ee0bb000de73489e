namespace Marketplaces.Connections;

public enum ConnectionState
{
    Connected,

    /// <summary>The marketplace no longer accepts the grant; the seller must connect again.</summary>
    ReconnectNeeded,

    /// <summary>Something failed repeatedly that a reconnect does not obviously fix.</summary>
    Error,
}
