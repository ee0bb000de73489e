namespace Marketplaces.Database.Embedded;

/// <summary>Settings under <c>Database</c> for the private cluster used when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>Folder holding initdb and pg_ctl; empty means the newest /usr/lib/postgresql/*/bin.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one at each start.</summary>
    public int Port { get; set; }

    /// <summary>Server connection limit; null keeps PostgreSQL's default (100).</summary>
    public int? MaxConnections { get; set; }

    public int StartTimeoutSeconds { get; set; } = 60;
    public int StopTimeoutSeconds { get; set; } = 10;
}
