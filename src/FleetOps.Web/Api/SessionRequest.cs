namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/training/sessions</c> (docs/api.md §9): <c>completedItems</c> apply to every person listed.</summary>
public sealed record SessionRequest(string? StoreCode, string? Programme, DateOnly? HeldOn, string? Trainer, IReadOnlyList<long>? StaffIds,
    IReadOnlyList<string>? CompletedItems);
