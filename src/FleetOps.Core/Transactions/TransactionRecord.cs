using System.Collections.Immutable;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// Everything known about one card transaction of one terminal, merged from its events in whatever order they
/// arrived: stages are kept sorted by the terminal's timestamp and de-duplicated by event id, and the card facts
/// (amount, masked PAN, auth code, RRN, batch) are taken from the first event that carried them.
/// The facts the worklist asks of every open transaction (stages present, authorisation time, furthest stage) are worked
/// out once when the stages are set, not on every read: sorting and totals over 100,000 of them read them constantly.
/// </summary>
public sealed record TransactionRecord(string TerminalId, string TransactionId)
{
    public long AmountMinor { get; init; }
    public string Currency { get; init; } = "";
    public string? MaskedPan { get; init; }
    public string? AuthCode { get; init; }
    public string? Rrn { get; init; }
    public string? BatchNumber { get; init; }
    private readonly StageFacts _facts;

    public ImmutableArray<StageMark> Stages
    {
        get;
        init
        {
            field = value;
            _facts = StageFacts.Of(value);
        }
    } = ImmutableArray<StageMark>.Empty;

    public static TransactionRecord From(string terminalId, TransactionEvent e) => new TransactionRecord(terminalId, e.TransactionId).With(e);

    public TransactionRecord With(TransactionEvent e)
    {
        if (Stages.Any(s => s.EventId == e.Id)) return this;
        return this with
        {
            // The authorisation's amount is what the bank holds; other stages only fill gaps.
            AmountMinor = e.Stage == TransactionStage.Authorized || AmountMinor == 0 ? e.AmountMinor : AmountMinor,
            Currency = e.Stage == TransactionStage.Authorized || Currency.Length == 0 ? e.Currency : Currency,
            MaskedPan = MaskedPan ?? e.MaskedPan,
            AuthCode = AuthCode ?? e.AuthCode,
            Rrn = Rrn ?? e.Rrn,
            BatchNumber = BatchNumber ?? e.BatchNumber,
            Stages = Stages.Add(new StageMark(e.Stage, e.At, e.Id)).Sort((a, b) => a.At.CompareTo(b.At)),
        };
    }

    public bool Has(TransactionStage stage) => (_facts.Present & StageFacts.Bit(stage)) != 0;

    public DateTimeOffset? At(TransactionStage stage)
    {
        foreach (var mark in Stages)
        {
            if (mark.Stage == stage) return mark.At;
        }
        return null;
    }

    /// <summary>When the bank authorised it; the first stage seen when the authorisation has not arrived (yet).</summary>
    public DateTimeOffset AuthorizedAt => _facts.AuthorizedAt ?? Stages[0].At;

    /// <summary>The furthest stage reached, by the lifecycle's order rather than by arrival.</summary>
    public TransactionStage LastStage => Stages.IsEmpty ? throw new InvalidOperationException("A transaction record without stages.") : _facts.Last;

    /// <summary>The sale reached an end where no money is owed: settled, or undone (reversed, voided, declined).</summary>
    public bool IsClosed => Has(TransactionStage.Settled) || Has(TransactionStage.Reversed)
                            || Has(TransactionStage.Voided) || Has(TransactionStage.Declined);

    /// <summary>The customer confirmed and the terminal finished the sale (or undid it).</summary>
    public bool IsFinished => Has(TransactionStage.Completed) || IsClosed;

    /// <summary>What the stages say, worked out once per stage list.</summary>
    private readonly record struct StageFacts(int Present, DateTimeOffset? AuthorizedAt, TransactionStage Last)
    {
        public static int Bit(TransactionStage stage) => 1 << (int)stage;

        public static StageFacts Of(ImmutableArray<StageMark> stages)
        {
            var present = 0;
            DateTimeOffset? authorizedAt = null;
            var last = TransactionStage.Authorized;
            foreach (var mark in stages.IsDefault ? [] : stages)
            {
                present |= Bit(mark.Stage);
                if (mark.Stage == TransactionStage.Authorized) authorizedAt ??= mark.At;
                if (Rank(mark.Stage) >= Rank(last)) last = mark.Stage;
            }
            return new StageFacts(present, authorizedAt, last);
        }
    }

    private static int Rank(TransactionStage stage) => stage switch
    {
        TransactionStage.Authorized => 0,
        TransactionStage.Signed => 1,
        TransactionStage.Completed => 2,
        TransactionStage.Declined => 3,
        TransactionStage.Voided => 4,
        TransactionStage.Reversed => 5,
        _ => 6, // settled
    };
}
