namespace FleetOps.Core.Training;

/// <summary>A store's staff still employed, each with their standing, and the counts.</summary>
public sealed record StoreCompliance(string StoreCode, ComplianceTally Tally, IReadOnlyList<PersonCompliance> People);
