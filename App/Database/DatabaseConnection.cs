namespace Marketplaces.Database;

/// <summary>The database in force: its provider and connection string.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
