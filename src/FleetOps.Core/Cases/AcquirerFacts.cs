using System.Globalization;
using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Cases;

/// <summary>
/// The facts an acquirer asks for when a merchant calls about a missing payment (PRODUCT.md step 2), as plain text
/// to paste into a mail or a bank's form: time (UTC and the store's local time), amount, masked card, authorisation
/// code, RRN, batch, terminal and store. Only the masked card number exists anywhere, so only it can be copied.
/// </summary>
public static class AcquirerFacts
{
    public static string Format(TransactionRecord record, StoreInfo? store, string storeCode, string? bankReference = null)
    {
        var at = record.AuthorizedAt;
        var sb = new StringBuilder();
        Line(sb, "Authorised at (UTC)", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (store?.TimeZone is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            Line(sb, "Local time", TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) + $" ({zoneId})");
        }
        Line(sb, "Amount", $"{Money.MajorUnits(record.AmountMinor, record.Currency)} {record.Currency}");
        Line(sb, "Card", record.MaskedPan);
        Line(sb, "Authorisation code", record.AuthCode);
        Line(sb, "RRN", record.Rrn);
        Line(sb, "Batch", record.BatchNumber);
        Line(sb, "Terminal", record.TerminalId);
        Line(sb, "Store", store is null ? storeCode : $"{store.Code} {store.Name}");
        Line(sb, "Transaction", record.TransactionId);
        Line(sb, "Last stage", record.LastStage.ToString().ToLowerInvariant());
        if (bankReference is not null) Line(sb, "Bank reference", bankReference);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string label, string? value) =>
        sb.Append(label).Append(": ").Append(string.IsNullOrWhiteSpace(value) ? "—" : value).Append('\n');
}
