namespace Marketplaces.Database;

/// <summary>The connection string in force: the configured external server's, or the embedded cluster's.</summary>
public sealed record DatabaseConnection(string ConnectionString, bool IsEmbedded);
