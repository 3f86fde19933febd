using System.Globalization;

namespace FleetOps.Web.Localization;

/// <summary>
/// What the audit log's reader brings to <see cref="AuditText"/> beyond a language: their clock for the times FleetOps
/// stored in UTC, and the names the page knows for codes a stored detail carries — a checklist item's key ("printer_ok")
/// read as its label in the checklist the work order pinned, a work order's English title read as the pages show it.
/// Each answer is optional: without one the stored text is shown as written (an item of a checklist since deleted).
/// </summary>
public sealed record AuditReading(CultureInfo Culture)
{
    /// <summary>A stored UTC range "2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z" on the reader's clock.</summary>
    public Func<DateTimeOffset, DateTimeOffset, string>? Range { get; init; }

    /// <summary>The label of item (key) on work order (id)'s checklist, in the reader's language; null when unknown.</summary>
    public Func<long, string, string?>? ItemLabel { get; init; }

    /// <summary>A work order's title as stored (English when FleetOps wrote it) in the reader's language; null when unknown.</summary>
    public Func<string, string?>? WorkOrderTitle { get; init; }
}
