using System.Threading.Channels;
using FleetOps.Core.Cases;
using FleetOps.Core.Live;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Cases;

/// <summary>
/// Closes cases by themselves when the transaction's own events settle the question: it listens to the transaction
/// book (which publishes every committed record, closed ones included) and hands closing records that have an open
/// case to <see cref="CaseService.AutoResolveAsync"/> in order, one at a time. On start it first reconciles what
/// closed while it was not listening, and again whenever the book reports more changes than it kept for it.
/// </summary>
public sealed partial class CaseAutoResolver(TransactionBook transactions, CaseBook cases, CaseService service,
    ILogger<CaseAutoResolver> logger) : BackgroundService
{
    // Null asks for a reconciliation of every open case: the book said "everything changed".
    private readonly Channel<TrackedTransaction?> _closed = Channel.CreateUnbounded<TrackedTransaction?>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = transactions.Subscribe(ClosesOpenCase, OnChanged, minInterval: TimeSpan.Zero);
        return base.StartAsync(cancellationToken);
    }

    // A settled sale the acquirer's reports prove not credited is closed for the terminal, not for the money: its case stays.
    private bool ClosesOpenCase(TrackedTransaction t) => t.Record.IsClosed && t.Verdict.Reason != UnsettledReason.NotCredited
                                                         && cases.For(t.TerminalId, t.TransactionId) is { IsResolved: false };

    private Task OnChanged(ChangeBatch<TrackedTransaction> changed)
    {
        if (changed.EverythingChanged) _closed.Writer.TryWrite(null);
        foreach (var t in changed) _closed.Writer.TryWrite(t);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var reconciled = await service.ReconcileAsync(transactions.IsNotCredited, stoppingToken);
            if (reconciled > 0) LogReconciled(reconciled);
            await foreach (var tracked in _closed.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (tracked is null) await service.ReconcileAsync(transactions.IsNotCredited, stoppingToken);
                    else await service.AutoResolveAsync([(tracked.Record, Outcome(tracked))], stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next start reconciles it; one failed case must not stop the others.
                    LogFailed(e, tracked?.TerminalId ?? "*", tracked?.TransactionId ?? "*");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static CaseOutcome? Outcome(TrackedTransaction tracked) =>
        tracked.ReCredited ? CaseOutcome.ReCredited : CaseWords.AutomaticOutcome(tracked.Record);

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} cases resolved at start-up: their transactions closed meanwhile")]
    private partial void LogReconciled(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not resolve the case of {TerminalId}/{TransactionId} automatically")]
    private partial void LogFailed(Exception exception, string terminalId, string transactionId);
}
