using System.Globalization;

namespace FleetOps.Simulator;

internal sealed class SimTransaction
{
    public required string TransactionId { get; init; }
    public required string BatchNumber { get; init; }
    public required long AmountMinor { get; init; }
    public required string MaskedPan { get; init; }
    public required string AuthCode { get; init; }
    public required string Rrn { get; init; }

    // Decided when power cuts the transaction short: does the terminal send an automatic reversal on reboot?
    public bool WillReverse { get; set; }
}

internal sealed record SignStep(SimTransaction Transaction, bool ThenComplete);

// Card transactions: authorized -> signed -> completed -> settled, with the ways that chain breaks in a shop.
internal sealed partial class TerminalBehaviour
{
    private const double DeclineShare = 0.04;
    private const double AbandonShare = 0.005; // operator error: signature step skipped, sale left hanging
    private const double VoidShare = 0.015;
    private const double ReversalShare = 0.55;
    private const double SkippedSettlementShare = 0.3;

    private readonly List<SimTransaction> _openBatch = [];
    private readonly List<SimTransaction> _interrupted = [];
    private SimTransaction? _current;
    private int _batch;
    private int _sequenceInBatch;

    private int PendingReversals => _interrupted.Count(t => t.WillReverse);

    private long OpenBatchAmountMinor => _openBatch.Sum(t => t.AmountMinor);

    // Batch numbers follow the clock (one per minute, wrapping after ~1.5 years) and advance by one per
    // settlement, which is slower, so a restarted simulator does not reuse transaction ids of a previous run.
    private void InitialiseBatch(DateTimeOffset now) =>
        _batch = 100_000 + (int)(now.ToUnixTimeSeconds() / 60 % 800_000);

    private void NextBatch()
    {
        _batch = _batch >= 999_999 ? 100_000 : _batch + 1;
        _sequenceInBatch = 0;
    }

    private void ScheduleNextArrival()
    {
        var perMinute = _ctx.Options.TransactionsPerTerminalPerMinute;
        if (perMinute > 0)
            _ctx.Schedule(_ctx.Exponential(TimeSpan.FromMinutes(1 / perMinute)), ActionKind.TransactionArrival, this);
    }

    public void TransactionArrival()
    {
        ScheduleNextArrival();
        // No network, no power or a sale already at the till: the customer pays some other way.
        if (!Powered || Silent || _current is not null)
            return;

        if (_sequenceInBatch >= 9_999)
            NextBatch();
        _sequenceInBatch++;
        var batchNumber = _batch.ToString("D6", CultureInfo.InvariantCulture);
        var random = _ctx.Random;
        var transaction = new SimTransaction
        {
            TransactionId = $"{batchNumber}-{_sequenceInBatch.ToString("D4", CultureInfo.InvariantCulture)}",
            BatchNumber = batchNumber,
            AmountMinor = CardData.AmountMinor(random),
            MaskedPan = CardData.MaskedPan(random),
            AuthCode = CardData.AuthCode(random),
            Rrn = CardData.Rrn(random),
        };

        if (_ctx.Chance(DeclineShare))
        {
            Emit(TransactionEvent(transaction, Stages.Declined, withAuthCode: false));
            return;
        }

        _current = transaction;
        Emit(TransactionEvent(transaction, Stages.Authorized));
        var roll = random.NextDouble();
        var interruptedShare = _ctx.Options.InterruptedTransactionShare;
        if (roll < interruptedShare)
        {
            // Half of them get as far as the signature before the power goes.
            if (_ctx.Chance(0.5))
                _ctx.Schedule(_ctx.Seconds(2, 5), ActionKind.TransactionSign, this, Generation, new SignStep(transaction, ThenComplete: false));
            _ctx.Schedule(_ctx.Seconds(6, 12), ActionKind.InterruptPower, this, Generation, transaction);
        }
        else if (roll < interruptedShare + AbandonShare)
        {
            _ctx.Schedule(_ctx.Seconds(30, 90), ActionKind.TransactionAbandon, this, Generation, transaction);
        }
        else
        {
            _ctx.Schedule(_ctx.Seconds(3, 12), ActionKind.TransactionSign, this, Generation, new SignStep(transaction, ThenComplete: true));
        }
    }

    public void Sign(SignStep step)
    {
        if (_current != step.Transaction)
            return;
        Emit(TransactionEvent(step.Transaction, Stages.Signed));
        if (step.ThenComplete)
            _ctx.Schedule(_ctx.Seconds(1, 4), ActionKind.TransactionComplete, this, Generation, step.Transaction);
    }

    public void Complete(SimTransaction transaction)
    {
        if (_current != transaction)
            return;
        _current = null;
        Emit(TransactionEvent(transaction, Stages.Completed));
        _openBatch.Add(transaction);
        if (_ctx.Chance(VoidShare))
            _ctx.Schedule(_ctx.Seconds(20, 180), ActionKind.Void, this, payload: transaction);
    }

    public void Abandon(SimTransaction transaction)
    {
        if (_current == transaction)
            _current = null;
    }

    public void InterruptPower(SimTransaction transaction)
    {
        if (_current != transaction)
            return;
        PowerOff(PowerStates.Lost);
        ScheduleBoot(_ctx.Seconds(15, 90), BootReason.Restored);
    }

    private void InterruptCurrentTransaction()
    {
        if (_current is null)
            return;
        _current.WillReverse = _ctx.Chance(ReversalShare);
        _interrupted.Add(_current);
        _current = null;
    }

    private void ScheduleReversalsAfterBoot()
    {
        // Those that will never be reversed stay 'authorized' on the server: money taken, sale lost.
        _interrupted.RemoveAll(t => !t.WillReverse);
        foreach (var transaction in _interrupted)
            _ctx.Schedule(_ctx.Seconds(8, 45), ActionKind.Reversal, this, Generation, transaction);
    }

    public void Reverse(SimTransaction transaction)
    {
        if (_interrupted.Remove(transaction))
            Emit(TransactionEvent(transaction, Stages.Reversed));
    }

    public void Void(SimTransaction transaction)
    {
        if (Powered && !Silent && _openBatch.Remove(transaction))
            Emit(TransactionEvent(transaction, Stages.Voided));
    }

    public void Settle()
    {
        _ctx.Schedule(_ctx.Fraction(_ctx.Options.SettlementInterval, 0.95, 1.05), ActionKind.Settlement, this);
        if (!Powered || Silent || _openBatch.Count == 0)
            return;
        // Staff forgetting the end-of-day close; the batch is settled at the next run instead.
        if (Traits.SkipsSettlements && _ctx.Chance(SkippedSettlementShare))
            return;
        foreach (var transaction in _openBatch)
            Emit(TransactionEvent(transaction, Stages.Settled));
        _openBatch.Clear();
        NextBatch();
    }

    private TelemetryEvent TransactionEvent(SimTransaction transaction, string stage, bool withAuthCode = true) => new()
    {
        Id = NextEventId(),
        Type = EventTypes.Transaction,
        At = _ctx.EventTime,
        TransactionId = transaction.TransactionId,
        Stage = stage,
        AmountMinor = transaction.AmountMinor,
        Currency = _ctx.Options.Currency,
        MaskedPan = transaction.MaskedPan,
        AuthCode = withAuthCode ? transaction.AuthCode : null,
        Rrn = transaction.Rrn,
        BatchNumber = transaction.BatchNumber,
    };
}
