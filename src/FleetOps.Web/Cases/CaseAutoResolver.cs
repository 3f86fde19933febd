using System.Threading.Channels;
using FleetOps.Core.Cases;
using FleetOps.Core.Live;
using FleetOps.Core.Transactions;
using FleetOps.Web.Election;

namespace FleetOps.Web.Cases;

/// <summary>
/// Closes cases by themselves when the transaction's own events settle the question: it listens to the transaction
/// book (which publishes every committed record, closed ones included) and hands closing records that have an open
/// case to <see cref="CaseService.AutoResolveAsync"/> in order, one at a time. Each time it starts listening it first
/// reconciles what closed while it was not, and again whenever the book reports more changes than it kept for it.
/// <para>
/// Only the leading node resolves (<see cref="Leadership"/>): it listens only while it leads, and a node that takes the
/// lead starts with that reconciliation, so a case whose sale closed while another node led (or none) is resolved then.
/// </para>
/// </summary>
public sealed partial class CaseAutoResolver(TransactionBook transactions, CaseBook cases, CaseService service, Leadership leadership,
    ILogger<CaseAutoResolver> logger) : BackgroundService
{
    // A settled sale the acquirer's reports prove not credited is closed for the terminal, not for the money: its case stays.
    private bool ClosesOpenCase(TrackedTransaction t) => t.Record.IsClosed && t.Verdict.Reason != UnsettledReason.NotCredited
                                                         && cases.For(t.TerminalId, t.TransactionId) is { IsResolved: false };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.WhileLeadingAsync(LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        // Null asks for a reconciliation of every open case: the book said "everything changed".
        var closed = Channel.CreateUnbounded<TrackedTransaction?>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = transactions.Subscribe(ClosesOpenCase, changed =>
        {
            if (changed.EverythingChanged) closed.Writer.TryWrite(null);
            foreach (var t in changed) closed.Writer.TryWrite(t);
            return Task.CompletedTask;
        }, minInterval: TimeSpan.Zero);
        try
        {
            var reconciled = await service.ReconcileAsync(transactions.IsNotCredited, stoppingToken);
            if (reconciled > 0) LogReconciled(reconciled);
            await foreach (var tracked in closed.Reader.ReadAllAsync(stoppingToken))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} cases resolved on taking over: their transactions closed meanwhile")]
    private partial void LogReconciled(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not resolve the case of {TerminalId}/{TransactionId} automatically")]
    private partial void LogFailed(Exception exception, string terminalId, string transactionId);
}
