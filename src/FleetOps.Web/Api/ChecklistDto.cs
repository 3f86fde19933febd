using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>A checklist template (docs/api.md §8 <c>GET /api/v1/checklists</c>).</summary>
public sealed record ChecklistDto(string Key, int Version, string Title, IReadOnlyList<ChecklistItem> Items)
{
    public static ChecklistDto From(ChecklistTemplate t) => new(t.Key, t.Version, t.Title, t.Items);
}
