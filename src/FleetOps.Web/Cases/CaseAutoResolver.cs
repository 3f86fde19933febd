using System.Threading.Channels;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Cases;

/// <summary>
/// Closes cases by themselves when the transaction's own events settle the question: it listens to the transaction
/// book (which publishes every committed record, closed ones included) and hands closing records that have an open
/// case to <see cref="CaseService.AutoResolveAsync"/> off the writer's thread. On start it first reconciles what
/// closed while it was not listening.
/// </summary>
public sealed partial class CaseAutoResolver(TransactionBook transactions, CaseBook cases, CaseService service,
    ILogger<CaseAutoResolver> logger) : BackgroundService
{
    private readonly Channel<TransactionRecord> _closed = Channel.CreateUnbounded<TransactionRecord>(new UnboundedChannelOptions { SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        transactions.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    private void OnChanged(IReadOnlyList<TrackedTransaction> changed)
    {
        foreach (var t in changed)
        {
            if (t.Record.IsClosed && cases.For(t.TerminalId, t.TransactionId) is { IsResolved: false }) _closed.Writer.TryWrite(t.Record);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var reconciled = await service.ReconcileAsync(stoppingToken);
            if (reconciled > 0) LogReconciled(reconciled);
            await foreach (var record in _closed.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await service.AutoResolveAsync([record], stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next start reconciles it; one failed case must not stop the others.
                    LogFailed(e, record.TerminalId, record.TransactionId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        transactions.Changed -= OnChanged;
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} cases resolved at start-up: their transactions closed meanwhile")]
    private partial void LogReconciled(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not resolve the case of {TerminalId}/{TransactionId} automatically")]
    private partial void LogFailed(Exception exception, string terminalId, string transactionId);
}
