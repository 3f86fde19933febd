using FleetOps.Web.Api;
using System.Globalization;
using System.Text;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The reconciliation exceptions as the acquirer's support desk reads its own reports (issue 16 item 4): the columns are
/// the layout's headers, dates in its format, amounts in its units, type words in its words, followed by the exception
/// and FleetOps' sale. A sale never credited has no line: its row carries what FleetOps knows (the day it was settled, the
/// amount, RRN and authorisation code its terminal recorded).
/// </summary>
public static class ExceptionsCsv
{
    private static readonly ReportColumn[] Columns = Enum.GetValues<ReportColumn>();

    public static StringBuilder Write(IReadOnlyList<ReconciliationException> exceptions, ReportLayout layout)
    {
        var csv = new StringBuilder();
        CsvText.Row(csv, Columns.Select(layout.HeaderOf).Concat(["exception", "store", "terminal", "transaction"]));
        var words = (layout.TypeWords ?? new Dictionary<string, SettlementItemType>()).GroupBy(w => w.Value).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (var e in exceptions)
        {
            var line = e.Line;
            var cells = Columns.Select(column => line is null ? Recorded(column, e, layout)
                : column switch
                {
                    ReportColumn.Date => line.BookedOn.ToString(layout.DateFormat, CultureInfo.InvariantCulture),
                    ReportColumn.MerchantId => line.MerchantId,
                    ReportColumn.TerminalId => line.AcquirerTerminalId,
                    ReportColumn.Rrn => line.Rrn,
                    ReportColumn.AuthCode => line.AuthCode,
                    ReportColumn.AmountMinor => Amount(line.AmountMinor, line.Currency, layout),
                    ReportColumn.Currency => line.Currency,
                    ReportColumn.MaskedPan => line.MaskedPan,
                    ReportColumn.Type => words.GetValueOrDefault(line.Type) ?? line.Type.ToWire(),
                    ReportColumn.FeeMinor => Amount(line.FeeMinor, line.Currency, layout),
                    _ => null,
                });
            CsvText.Row(csv, cells.Concat([e.Kind?.ToWire() ?? "not_credited", e.StoreCode, e.TerminalId, e.TransactionId]));
        }
        return csv;
    }

    /// <summary>A sale never credited has no line: the day it was settled and what its terminal recorded stand in its columns.</summary>
    private static string? Recorded(ReportColumn column, ReconciliationException e, ReportLayout layout) => column switch
    {
        ReportColumn.Date => e.Day.ToString(layout.DateFormat, CultureInfo.InvariantCulture),
        ReportColumn.Rrn => e.Sale?.Rrn,
        ReportColumn.AuthCode => e.Sale?.AuthCode,
        ReportColumn.AmountMinor => e.Sale is { } sale ? Amount(sale.AmountMinor, sale.Currency, layout) : null,
        ReportColumn.Currency => e.Sale?.Currency,
        _ => null,
    };

    private static string Amount(long minor, string currency, ReportLayout layout) =>
        layout.AmountsInMajorUnits ? Money.MajorUnits(minor, currency) : minor.ToString(CultureInfo.InvariantCulture);
}
