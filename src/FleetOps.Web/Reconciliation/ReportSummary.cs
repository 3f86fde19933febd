using System.Text.Json;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// An imported report as one reader may see it: the whole report for people who see every store, otherwise only the
/// figures of the lines of their stores (and no per-row errors, which name other stores' identifiers).
/// <see cref="Duplicates"/> counts duplicate rows and duplicate credits; <see cref="Rows"/> every data row of the file
/// (errors included) for the whole-report view, the reader's lines otherwise.
/// </summary>
public sealed record ReportSummary(
    long Id,
    string Acquirer,
    string Profile,
    string FileName,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    DateOnly? FirstBookedOn,
    DateOnly? LastBookedOn,
    int Rows,
    int Matched,
    int CreditedWithoutSale,
    int AmountMismatches,
    int Duplicates,
    int Debits,
    int ErrorCount,
    IReadOnlyList<ReportLineError> Errors)
{
    /// <summary>
    /// The report as a reader sees it: <paramref name="tallies"/> null for the whole report (people who see every store),
    /// else the figures of the reader's stores only, without per-row errors.
    /// </summary>
    public static ReportSummary From(SettlementReportRow row, IReadOnlyList<ReportStoreTallyRow>? tallies)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(row.ImportedAtMs);
        if (tallies is not null)
        {
            return new ReportSummary(row.Id, row.Acquirer, row.Profile, row.FileName, row.ImportedBy, at, row.FirstBookedOn, row.LastBookedOn,
                tallies.Sum(t => t.Rows), tallies.Sum(t => t.Matched), tallies.Sum(t => t.CreditedWithoutSale), tallies.Sum(t => t.AmountMismatches),
                tallies.Sum(t => t.Duplicates), tallies.Sum(t => t.Debits), 0, []);
        }
        var errors = JsonSerializer.Deserialize<List<ReportLineError>>(row.ErrorsJson, TelemetryJson.Options) ?? [];
        return new ReportSummary(row.Id, row.Acquirer, row.Profile, row.FileName, row.ImportedBy, at, row.FirstBookedOn, row.LastBookedOn,
            row.Rows, row.Matched, row.CreditedWithoutSale, row.AmountMismatches, row.Duplicates, row.Debits, row.Errors, errors);
    }
}
