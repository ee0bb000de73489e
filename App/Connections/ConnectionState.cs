namespace Marketplaces.Connections;

public enum ConnectionState
{
    Connected,

    /// <summary>The marketplace no longer accepts the grant; the seller must connect again.</summary>
    ReconnectNeeded,

    /// <summary>Something failed repeatedly that a reconnect does not obviously fix.</summary>
    Error,

    /// <summary>
    /// The seller disconnected it and kept its orders: its secrets are deleted, nothing reads or writes for it, and
    /// connecting the same account again brings it back with its orders.
    /// </summary>
    Disconnected,
}
