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
    public static string Format(TransactionRecord record, StoreInfo? store, string storeCode, string? bankReference = null, AcquirerFactLabels? labels = null)
    {
        var l = labels ?? AcquirerFactLabels.English;
        var at = record.AuthorizedAt;
        var sb = new StringBuilder();
        Line(sb, l.AuthorisedAtUtc, at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (store?.TimeZone is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            Line(sb, l.LocalTime, TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) + $" ({zoneId})");
        }
        Line(sb, l.Amount, $"{Money.MajorUnits(record.AmountMinor, record.Currency)} {record.Currency}");
        Line(sb, l.Card, record.MaskedPan);
        Line(sb, l.AuthorisationCode, record.AuthCode);
        Line(sb, l.Rrn, record.Rrn);
        Line(sb, l.Batch, record.BatchNumber);
        Line(sb, l.Terminal, record.TerminalId);
        Line(sb, l.Store, store is null ? storeCode : $"{store.Code} {store.Name}");
        Line(sb, l.Transaction, record.TransactionId);
        Line(sb, l.LastStage, l.StageName(record.LastStage));
        if (bankReference is not null) Line(sb, l.BankReference, bankReference);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string label, string? value) =>
        sb.Append(label).Append(": ").Append(string.IsNullOrWhiteSpace(value) ? "—" : value).Append('\n');
}
