namespace FleetOps.Core.Training;

/// <summary>
/// One training held at a store on a (store-local) day: who trained whom in which programme, and which items each person
/// completed. The API ticks the same items for everyone listed; the model keeps them per person, so a page may tick
/// items one person at a time.
/// </summary>
public sealed record TrainingSession(
    long Id, string StoreCode, string Programme, DateOnly HeldOn, string Trainer, string RecordedBy, DateTimeOffset RecordedAt,
    IReadOnlyDictionary<long, IReadOnlySet<string>> Completed)
{
    /// <summary>The people trained, in id order.</summary>
    public IReadOnlyList<long> StaffIds => Completed.Keys.Order().ToList();

    /// <summary>Whether the trainer signed the session (drawn on the page or sent through the API; optional there).</summary>
    public bool TrainerSigned { get; init; }

    /// <summary>The people trained who signed it; the drawings themselves stay in the database, only whether they exist is kept here.</summary>
    public IReadOnlySet<long> SignedBy { get; init; } = new HashSet<long>();

    /// <summary>The trainer and every person trained signed (the "both sign").</summary>
    public bool FullySigned => TrainerSigned && Completed.Keys.All(SignedBy.Contains);

    /// <summary>The items <paramref name="staffId"/> completed; empty for someone not in the session.</summary>
    public IReadOnlySet<string> CompletedBy(long staffId) => Completed.GetValueOrDefault(staffId) ?? new HashSet<string>();
}
