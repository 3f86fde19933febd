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

    /// <summary>
    /// A signature item: the drawing read back from the browser's draft after a reload (PNG), shown instead of the pad until
    /// the technician chooses to sign again, and stored on completion as a drawing on the pad would be.
    /// </summary>
    public byte[]? Drawing { get; set; }

    /// <summary>Whether <see cref="Drawing"/> has been stored already (a refused completion tried again stores it once).</summary>
    public bool DrawingStored { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Note);
}
