using System.Collections.Concurrent;
using FleetOps.Core.Cases;
using FleetOps.Core.Live;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Cases;

/// <summary>
/// Every recovery case's current state, in memory, so the worklist can show each row's case and hide resolved ones
/// without a query per page. Cases are made by people, one per problem transaction, so they stay few next to the
/// transactions; all are loaded at start-up. Only <see cref="CaseService"/> writes here, after its commit.
/// </summary>
public sealed class CaseBook(TimeProvider time, ILogger<CaseBook> logger) : IChangeSource<RecoveryCase>
{
    private readonly ConcurrentDictionary<(string, string), RecoveryCase> _byTransaction = new();
    private readonly ConcurrentDictionary<long, RecoveryCase> _byId = new();
    private readonly ChangeFeed<RecoveryCase> _changes = new("recovery cases", time, logger);

    public IDisposable Subscribe(Func<RecoveryCase, bool>? relevant, Func<ChangeBatch<RecoveryCase>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    public IEnumerable<RecoveryCase> All => _byId.Values;

    public RecoveryCase? For(string terminalId, string transactionId) => _byTransaction.GetValueOrDefault((terminalId, transactionId));

    public RecoveryCase? Get(long id) => _byId.GetValueOrDefault(id);

    /// <summary>True when someone resolved the transaction's case: it leaves the open worklist.</summary>
    public bool IsResolved(string terminalId, string transactionId) => For(terminalId, transactionId)?.IsResolved == true;

    /// <summary>
    /// Money still at risk: the book's unsettled transactions, without those whose case someone resolved by hand
    /// (re-credited or written off — the money question is answered even though the terminal never settled them).
    /// </summary>
    public IEnumerable<TrackedTransaction> AtRisk(TransactionBook book) =>
        _byTransaction.IsEmpty ? book.Unsettled : book.Unsettled.Where(t => !IsResolved(t.TerminalId, t.TransactionId));

    public string StatusOf(string terminalId, string transactionId) =>
        For(terminalId, transactionId) is { } c ? c.Step.ToWire() : CaseWords.NoCase;

    public void Load(IEnumerable<RecoveryCase> cases)
    {
        _byTransaction.Clear();
        _byId.Clear();
        foreach (var c in cases) Store(c);
    }

    internal void Put(RecoveryCase c)
    {
        Store(c);
        _changes.Publish(c);
    }

    private void Store(RecoveryCase c)
    {
        _byTransaction[(c.TerminalId, c.TransactionId)] = c;
        _byId[c.Id] = c;
    }
}
