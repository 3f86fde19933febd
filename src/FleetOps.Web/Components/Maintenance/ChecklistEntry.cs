using FleetOps.Web.Components.Shared;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// What the technician has entered for one checklist item so far, kept by the work order page while they go through the
/// list (a live refresh of the page must not throw it away); sent as a <c>ChecklistAnswer</c> on completion.
/// </summary>
public sealed class ChecklistEntry
{
    public string? Value { get; set; }
    public string? Note { get; set; }

    /// <summary>A signature item: the name the signer typed (the work order's <c>signedBy</c>).</summary>
    public string? Signer { get; set; }

    /// <summary>A signature item: the pad drawn on, asked for its drawing when the work is completed.</summary>
    public SignaturePad? Pad { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Note);
}
