namespace FleetOps.Web.Training;

/// <summary>Something of a store's training changed (its roster or a session): pages of that store re-read the book.</summary>
public sealed record TrainingChange(string StoreCode);
