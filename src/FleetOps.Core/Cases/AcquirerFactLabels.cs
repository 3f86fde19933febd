using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Cases;

/// <summary>
/// The labels of <see cref="AcquirerFacts"/> in the reader's language (the page passes its own; a Chinese acquirer reads
/// Chinese), and how a stage is named. Values — times, amounts, codes — stay in the bank's unambiguous forms.
/// </summary>
public sealed record AcquirerFactLabels(
    string AuthorisedAtUtc, string LocalTime, string Amount, string Card, string AuthorisationCode, string Rrn, string Batch,
    string Terminal, string Store, string Transaction, string LastStage, string BankReference, Func<TransactionStage, string> StageName)
{
    public static readonly AcquirerFactLabels English = new("Authorised at (UTC)", "Local time", "Amount", "Card", "Authorisation code",
        "RRN", "Batch", "Terminal", "Store", "Transaction", "Last stage", "Bank reference", s => s.ToString().ToLowerInvariant());
}
