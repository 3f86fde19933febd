using System.Globalization;
using System.Text;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Api;

/// <summary>
/// The worklist as CSV for the acquirer: RFC 4180, UTF-8 with BOM (spreadsheets then read non-ASCII correctly),
/// ISO 8601 UTC timestamps, amounts in major units next to their currency, and only the masked card number.
/// </summary>
public static class UnsettledCsv
{
    public const string Header = "terminalId,storeCode,transactionId,amount,currency,maskedPan,authCode,rrn,batchNumber,authorizedAt,lastStage,reason,caseStatus";

    public static string Write(IEnumerable<UnsettledDto> rows)
    {
        var sb = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] cells =
            [
                r.TerminalId, r.StoreCode, r.TransactionId, Money.MajorUnits(r.AmountMinor, r.Currency), r.Currency, r.MaskedPan, r.AuthCode, r.Rrn,
                r.BatchNumber, r.AuthorizedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.LastStage, r.Reason, r.CaseStatus,
            ];
            sb.AppendJoin(',', cells.Select(TerminalCsv.Escape)).Append("\r\n");
        }
        return sb.ToString();
    }
}
