namespace FleetOps.Web.Components.Maintenance;

/// <summary>One checklist item's answer as <see cref="ChecklistDrafts"/> keeps it in the browser until the work is completed.</summary>
public sealed record ChecklistDraftEntry(string? Value, string? Note, string? Signer);
