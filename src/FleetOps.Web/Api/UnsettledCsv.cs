using System.Globalization;
using System.Text;
using FleetOps.Core.Cases;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Api;

/// <summary>
/// The worklist as CSV for the acquirer: RFC 4180, UTF-8 with BOM, headers, stages, reasons and case states in the
/// reader's language (the names the worklist shows), ISO 8601 UTC timestamps, amounts in major units next to their
/// currency, and only the masked card number. A machine that needs the wire names reads the JSON list instead.
/// </summary>
public static class UnsettledCsv
{
    private static readonly string[] Header =
    [
        "Csv.TerminalId", "Csv.StoreCode", "Csv.TransactionId", "Csv.Amount", "Csv.Currency", "Csv.MaskedPan", "Csv.AuthCode", "Csv.Rrn",
        "Csv.BatchNumber", "Csv.AuthorizedAt", "Csv.LastStage", "Csv.Reason", "Csv.CaseStatus",
    ];

    public static StringBuilder Write(IEnumerable<UnsettledDto> rows, IReaderLanguage language)
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
            ]);
        }
        return sb;
    }
}
