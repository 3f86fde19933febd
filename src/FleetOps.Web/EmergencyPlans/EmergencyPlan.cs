namespace FleetOps.Web.EmergencyPlans;

/// <summary>
/// A store's emergency plan as kept. <see cref="OwnSteps"/> holds only the procedures the manager rewrote; the others
/// follow <see cref="EmergencyTemplate"/>. <see cref="Version"/> 0 is a store whose plan nobody has saved yet (the template,
/// with the technician prefilled from maintenance).
/// </summary>
public sealed record EmergencyPlan(
    string StoreCode,
    int Version,
    EmergencyContact Hotline,
    EmergencyContact Technician,
    EmergencyContact Electrician,
    IReadOnlyList<EmergencyContact> OtherContacts,
    string? UpsLocation,
    string? SpareTerminalLocation,
    string? PaperFormsLocation,
    IReadOnlyDictionary<EmergencyProcedure, IReadOnlyList<string>> OwnSteps,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt)
{
    /// <summary>How long a review stays current: a plan nobody looked at for a year may name a technician who left.</summary>
    public const int ReviewMonths = 12;

    public static IReadOnlyList<EmergencyProcedure> Procedures { get; } = Enum.GetValues<EmergencyProcedure>();

    public bool IsSaved => Version > 0;

    /// <summary>The manager's own steps for <paramref name="procedure"/>, or null while it follows the template.</summary>
    public IReadOnlyList<string>? StepsOf(EmergencyProcedure procedure) => OwnSteps.GetValueOrDefault(procedure);

    /// <summary>A procedure's steps in one language: the manager's as written, else the template's through <paramref name="text"/>.</summary>
    public IReadOnlyList<string> StepsIn(EmergencyProcedure procedure, Func<string, string> text) =>
        StepsOf(procedure) ?? EmergencyTemplate.Steps(procedure, text);

    /// <summary>Saved and last reviewed (or saved) <see cref="ReviewMonths"/> months or more before <paramref name="now"/>.</summary>
    public bool ReviewOverdue(DateTimeOffset now) => ReviewedAt is { } reviewed && reviewed.AddMonths(ReviewMonths) <= now;
}
