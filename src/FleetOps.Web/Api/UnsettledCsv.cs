using System.Globalization;
using System.Text;
using FleetOps.Core.Cases;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Api;

/// <summary>
/// The worklist as CSV for the acquirer: RFC 4180, UTF-8 with BOM, headers, stages, reasons and case states in the
/// reader's language (the names the worklist shows), ISO 8601 UTC timestamps, amounts in major units next to their
/// currency, and only the masked card number. A machine that needs the wire names reads the JSON list instead. The last
/// column repeats the authorisation in the store's own time (<see cref="ExportTime"/>); it comes last because the
/// columns follow the JSON list's fields (docs/api.md §2) and the acquirer's programs read them by position.
/// </summary>
public static class UnsettledCsv
{
    private static readonly string[] Header =
    [
        "Csv.TerminalId", "Csv.StoreCode", "Csv.TransactionId", "Csv.Amount", "Csv.Currency", "Csv.MaskedPan", "Csv.AuthCode", "Csv.Rrn",
        "Csv.BatchNumber", "Csv.AuthorizedAt", "Csv.LastStage", "Csv.Reason", "Csv.CaseStatus", "Csv.AuthorizedAtStoreTime",
    ];

    public static StringBuilder Write(IEnumerable<UnsettledDto> rows, IReaderLanguage language, ExportTime time)
    {
        var sb = CsvText.Start(language, Header);
        foreach (var r in rows)
        {
            CsvText.Row(sb,
            [
                r.TerminalId, r.StoreCode, r.TransactionId, Money.MajorUnits(r.AmountMinor, r.Currency), r.Currency, r.MaskedPan, r.AuthCode, r.Rrn,
                r.BatchNumber, r.AuthorizedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                language.Text($"Enum.TransactionStage.{r.LastStage}"), language.Text($"Enum.UnsettledReason.{r.Reason}"),
                language.Text(r.CaseStatus == CaseWords.NoCase ? "Case.None" : $"Enum.CaseStep.{r.CaseStatus}"),
                time.InStore(r.AuthorizedAt, r.StoreCode),
            ]);
        }
        return sb;
    }
}
