namespace FleetOps.Web.Api;

/// <summary>
/// <c>POST /api/v1/training/sessions</c> (docs/api.md §9): <c>completedItems</c> apply to every person listed. The
/// signatures are FleetOps's optional additions: the trainer's drawing and one per person trained, base64 PNGs.
/// </summary>
public sealed record SessionRequest(string? StoreCode, string? Programme, DateOnly? HeldOn, string? Trainer, IReadOnlyList<long>? StaffIds,
    IReadOnlyList<string>? CompletedItems, string? TrainerSignature = null, IReadOnlyList<SignatureRequest>? Signatures = null);
