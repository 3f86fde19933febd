using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary><c>PUT /api/v1/checklists/{key}</c> (FleetOps addition): the template's new version.</summary>
public sealed record ChecklistRequest(string? Title, IReadOnlyList<ChecklistItem>? Items);
