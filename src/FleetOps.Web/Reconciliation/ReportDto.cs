
namespace FleetOps.Web.Reconciliation;

/// <summary>
/// An imported settlement report (PROTOCOL §11): the import's answer <c>{ id, acquirer, rows, matched, creditedWithoutSale,
/// amountMismatches, duplicates, errors: [{ row, error }] }</c> and, beside it, the file, who, when, the booking days,
/// debits and the count of all errors (<c>errors</c> lists the first 1,000).
/// </summary>
public sealed record ReportDto(
    long Id, string Acquirer, int Rows, int Matched, int CreditedWithoutSale, int AmountMismatches, int Duplicates,
    IReadOnlyList<ReportLineError> Errors, int ErrorCount, int Debits, string Profile, string FileName, string ImportedBy,
    DateTimeOffset ImportedAt, DateOnly? FirstDay, DateOnly? LastDay)
{
    public static ReportDto From(ReportSummary r) => new(r.Id, r.Acquirer, r.Rows, r.Matched, r.CreditedWithoutSale, r.AmountMismatches,
        r.Duplicates, r.Errors, r.ErrorCount, r.Debits, r.Profile, r.FileName, r.ImportedBy, r.ImportedAt, r.FirstBookedOn, r.LastBookedOn);
}
