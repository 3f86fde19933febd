using FleetOps.Core.Maintenance;
using FleetOps.Core.Training;

namespace FleetOps.Web.Api;

/// <summary>A training programme (docs/api.md §9 <c>GET /api/v1/training/programmes</c>); items as checklists' (§8).</summary>
public sealed record ProgrammeDto(string Key, string Title, int ValidForMonths, IReadOnlyList<ChecklistItem> Items)
{
    public static ProgrammeDto From(TrainingProgramme p) => new(p.Key, p.Title, p.ValidForMonths, p.Items);
}
