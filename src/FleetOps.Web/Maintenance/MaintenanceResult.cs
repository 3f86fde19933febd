using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// What a maintenance command produced (<see cref="Value"/>), or why it was refused (<see cref="Detail"/> in English, read
/// by people; <see cref="Problems"/> for a checklist that cannot be completed). <see cref="Conflicts"/> warns of a
/// technician's overlapping bookings after a schedule that was made anyway.
/// </summary>
public sealed record MaintenanceResult<T>(T? Value, MaintenanceError Error, string? Detail) where T : class
{
    public IReadOnlyList<ChecklistProblem> Problems { get; init; } = [];
    public IReadOnlyList<WorkOrder> Conflicts { get; init; } = [];

    /// <summary>
    /// The field a refusal is about, in the API's spelling (<c>every.count</c>, <c>items[2]</c> for a checklist's third item),
    /// so a form shows the refusal beside what was typed; null when it is about the whole request.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>Every field a refused request got wrong, when the command checks them all (the first is <see cref="Field"/>).</summary>
    public IReadOnlyList<FieldProblem> FieldProblems { get; init; } = [];

    public static MaintenanceResult<T> Done(T value) => new(value, MaintenanceError.None, null);

    public static MaintenanceResult<T> Refused(MaintenanceError error, string detail, string? field = null) => new(null, error, detail) { Field = field };
}
