using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// A sample read with a mapping (<see cref="ReportSample.Preview"/>): the header as checked (null when the file has none),
/// the first rows — each an item or the reader's error —, how many rows the file has, and a refusal when the sample
/// cannot be read at all or holds a full card number.
/// </summary>
public sealed record ReportPreview(HeaderCheck? Header, IReadOnlyList<RowOutcome> Rows, int RowsRead, ReportSampleRefusal? Refusal);
