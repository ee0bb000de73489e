namespace Marketplaces.Catalog;

/// <summary>One marketplace as the catalog describes it.</summary>
public sealed record Marketplace(string Id, string Name, string Logo);
