namespace FleetOps.Web.Training;

/// <summary>
/// A session as asked for (docs/api.md §9), unchecked: <see cref="CompletedItems"/> apply to every person listed unless
/// <see cref="CompletedPerPerson"/> names a person's own (a page ticking items per person). Signatures are optional here
/// (PROTOCOL §9 knows none); the page asks for all of them before it sends the draft.
/// </summary>
public sealed record SessionDraft(
    string? StoreCode,
    string? Programme,
    DateOnly? HeldOn,
    string? Trainer,
    IReadOnlyList<long>? StaffIds,
    IReadOnlyList<string>? CompletedItems,
    IReadOnlyDictionary<long, IReadOnlyList<string>>? CompletedPerPerson = null,
    byte[]? TrainerSignature = null,
    IReadOnlyList<TraineeSignature>? Signatures = null);
