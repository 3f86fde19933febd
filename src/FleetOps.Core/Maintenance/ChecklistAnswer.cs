namespace FleetOps.Core.Maintenance;

/// <summary>
/// What the technician recorded for one item: <see cref="Value"/> as text (<c>true</c>/<c>false</c> for a check, an
/// invariant number for a reading, an attachment id for a photo, the signer for a signature) and an optional note.
/// </summary>
public sealed record ChecklistAnswer(string Item, string? Value, string? Note = null);
