using System.Collections.Concurrent;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Core.Transactions;

/// <summary>
/// The transactions that are not closed yet (not settled, reversed, voided or declined), in memory, each with its
/// verdict and the moment it must be looked at again. The event writer publishes committed records; the clock
/// sweeps the deadlines (a priority queue, so a verdict changes at its deadline, not at the next slow scan);
/// a terminal's new power losses re-judge its open sales and its recent reversals. Closed sales leave; lost sales
/// (reversed after a power loss) are kept for a while so that people see them. A reversal is often sent while the
/// terminal boots, before the heartbeat or backlog that reveals the loss, so recent reversals stay watched too.
/// </summary>
public sealed class TransactionBook(TimeProvider time, DetectionOptions options, FleetState fleet, ILogger? logger = null)
    : IChangeSource<TrackedTransaction>
{
    public static readonly TimeSpan LostSalesKeptFor = TimeSpan.FromDays(7);

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<(string, string), TrackedTransaction> _open = new();
    private readonly ConcurrentDictionary<(string, string), TrackedTransaction> _lostSales = new();
    private readonly Dictionary<(string, string), TrackedTransaction> _reversals = new();
    private readonly Dictionary<string, HashSet<string>> _reversedByTerminal = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(string, string), DateTimeOffset> _deadlines = new();
    private readonly Dictionary<string, HashSet<string>> _openByTerminal = new(StringComparer.Ordinal);
    private readonly UnsettledTally _tally = new();
    // Settled sales an acquirer's reports prove were never credited (few): they stay on the worklist although closed.
    private readonly HashSet<(string, string)> _notCredited = new();
    private readonly ChangeFeed<TrackedTransaction> _changes = new("transaction book", time, logger ?? NullLogger.Instance);

    /// <summary>Every record the book was given or re-judged, closed ones included (they leave the book with that change).</summary>
    public IDisposable Subscribe(Func<TrackedTransaction, bool>? relevant, Func<ChangeBatch<TrackedTransaction>, Task> callback,
        TimeSpan? minInterval = null) => _changes.Subscribe(relevant, callback, minInterval);

    public int OpenCount => _open.Count;

    /// <summary>
    /// The open transactions, enumerated from the dictionary itself as <c>FleetState.All</c> is: no lock and no copy.
    /// <c>ConcurrentDictionary.Values</c> takes every lock (the writer waits) and copies every reference into a new
    /// array: with a million transactions stored, ~137,000 open ones made a 1.1 MB large-object array each time the alert
    /// centre's money-at-risk source looked (every 5 s), which was most of an idle server's large-object heap growth
    /// (issue 16's benchmark, docs/benchmarks.md).
    /// </summary>
    public IEnumerable<TrackedTransaction> Open => _open.Select(pair => pair.Value);

    public IEnumerable<TrackedTransaction> Unsettled => Open.Where(t => t.Verdict.IsUnsettled);

    public IEnumerable<TrackedTransaction> LostSales => _lostSales.Select(pair => pair.Value);

    public TrackedTransaction? Get(string terminalId, string transactionId) =>
        _open.GetValueOrDefault((terminalId, transactionId)) ?? _lostSales.GetValueOrDefault((terminalId, transactionId));

    /// <summary>Start-up: the open transactions from the database, and the settled sales the reports found not credited.</summary>
    public void Load(IEnumerable<(TransactionRecord Record, string StoreCode)> open,
        IEnumerable<(TransactionRecord Record, string StoreCode)>? notCredited = null)
    {
        lock (_gate)
        {
            _open.Clear();
            _notCredited.Clear();
            _tally.Clear();
            _lostSales.Clear();
            _reversals.Clear();
            _reversedByTerminal.Clear();
            _deadlines.Clear();
            _openByTerminal.Clear();
            var now = time.GetUtcNow();
            foreach (var (record, store) in open) Put(Judge(record, store, now));
            foreach (var (record, store) in notCredited ?? [])
            {
                _notCredited.Add((record.TerminalId, record.TransactionId));
                Put(Judge(record, store, now));
            }
        }
    }

    /// <summary>
    /// After a report committed: these settled sales were not credited (PROTOCOL §11). A settled sale left the book; it
    /// comes back as a worklist item with the reason <c>not_credited</c>.
    /// </summary>
    public void MarkNotCredited(IReadOnlyCollection<(TransactionRecord Record, string StoreCode)> sales)
    {
        var changed = new List<TrackedTransaction>(sales.Count);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (record, store) in sales)
            {
                _notCredited.Add((record.TerminalId, record.TransactionId));
                changed.Add(Put(Judge(record, store, now)));
            }
        }
        _changes.Publish(changed);
    }

    /// <summary>After a report committed: a credit arrived for these not-credited sales; they leave the worklist, re-credited.</summary>
    public void MarkCredited(IReadOnlyCollection<(string TerminalId, string TransactionId)> sales)
    {
        var changed = new List<TrackedTransaction>(sales.Count);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var key in sales)
            {
                if (!_notCredited.Remove(key) || !_open.TryGetValue(key, out var tracked)) continue;
                changed.Add(Put(Judge(tracked.Record, tracked.StoreCode, now) with { ReCredited = true }));
            }
        }
        _changes.Publish(changed);
    }

    /// <summary>Whether the reports proved this settled sale was not credited (and no later credit came).</summary>
    public bool IsNotCredited(string terminalId, string transactionId)
    {
        lock (_gate) return _notCredited.Contains((terminalId, transactionId));
    }

    /// <summary>After a commit: the merged records of the transactions that received events.</summary>
    public void Publish(IReadOnlyCollection<(TransactionRecord Record, string StoreCode)> committed)
    {
        var changed = new List<TrackedTransaction>(committed.Count);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (record, store) in committed) changed.Add(Put(Judge(record, store, now)));
        }
        _changes.Publish(changed);
    }

    /// <summary>
    /// Re-judges a terminal's open sales and recent reversals: its power history changed (e.g. a late backlog brought
    /// a loss, or the heartbeat that reveals a reboot came after the reversal sent while booting).
    /// </summary>
    public void Rejudge(string terminalId)
    {
        var changed = new List<TrackedTransaction>();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var open = _openByTerminal.GetValueOrDefault(terminalId)?.Select(id => _open[(terminalId, id)]) ?? [];
            var reversed = _reversedByTerminal.GetValueOrDefault(terminalId)?.Select(id => _reversals[(terminalId, id)]) ?? [];
            foreach (var watched in open.Concat(reversed).ToList())
            {
                var judged = Judge(watched.Record, watched.StoreCode, now);
                if (judged.Verdict != watched.Verdict) changed.Add(Put(judged));
            }
        }
        _changes.Publish(changed);
    }

    /// <summary>The running totals of the unsettled transactions of <paramref name="stores"/> (null: all), without walking the book.</summary>
    public UnsettledSummary Summary(IReadOnlySet<string>? stores = null)
    {
        lock (_gate) return _tally.Snapshot(stores);
    }

    /// <summary>When the oldest unsettled batch sale of a terminal (not settled, or authorisation expiring) was authorised.</summary>
    public DateTimeOffset? OldestOverdue(string terminalId)
    {
        lock (_gate)
        {
            return _openByTerminal.GetValueOrDefault(terminalId)?.Select(id => _open[(terminalId, id)])
                .Where(t => t.Verdict.Reason is UnsettledReason.NotSettled or UnsettledReason.AuthorizationExpiring)
                .Select(t => (DateTimeOffset?)t.Record.AuthorizedAt).Min();
        }
    }

    public bool HasOpen(string terminalId)
    {
        lock (_gate) return _openByTerminal.ContainsKey(terminalId);
    }

    /// <summary>Applies the deadlines that passed. Called by the clock a few times a second.</summary>
    public int Sweep()
    {
        var changed = new List<TrackedTransaction>();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_deadlines.TryPeek(out var key, out var deadline) && deadline <= now)
            {
                _deadlines.Dequeue();
                if (!_open.TryGetValue(key, out var open)) continue;
                var judged = Judge(open.Record, open.StoreCode, now);
                if (judged.Verdict != open.Verdict) changed.Add(Put(judged));
                else if (judged.Verdict.NextDeadline is { } next && next > now) _deadlines.Enqueue(key, next);
            }
            foreach (var (key, lost) in _lostSales)
            {
                if (now - lost.Record.AuthorizedAt > LostSalesKeptFor) _lostSales.TryRemove(key, out _);
            }
            foreach (var (key, reversal) in _reversals.ToList())
            {
                if (now - reversal.Record.AuthorizedAt > LostSalesKeptFor) Unwatch(key);
            }
        }
        _changes.Publish(changed);
        return changed.Count;
    }

    private TrackedTransaction Judge(TransactionRecord record, string store, DateTimeOffset now)
    {
        var losses = fleet.Get(record.TerminalId)?.Power.LossSpans() ?? [];
        var verdict = UnsettledRule.Evaluate(record, losses, now, options);
        if (verdict.Reason is null && record.Has(TransactionStage.Settled) && _notCredited.Contains((record.TerminalId, record.TransactionId)))
        {
            verdict = new UnsettledVerdict(UnsettledReason.NotCredited, null, false);
        }
        return new TrackedTransaction(record, store, verdict);
    }

    private TrackedTransaction Put(TrackedTransaction tracked)
    {
        var key = (tracked.TerminalId, tracked.TransactionId);
        if (tracked.Record.IsClosed && tracked.Verdict.Reason != UnsettledReason.NotCredited)
        {
            _open.TryRemove(key, out var removed);
            _tally.Replace(removed, null);
            if (_openByTerminal.TryGetValue(tracked.TerminalId, out var ids) && ids.Remove(tracked.TransactionId) && ids.Count == 0)
            {
                _openByTerminal.Remove(tracked.TerminalId);
            }
            if (tracked.Verdict.SaleLost)
            {
                _lostSales[key] = tracked;
                Unwatch(key);
            }
            else if (tracked.Record.Has(TransactionStage.Reversed) && !tracked.Record.Has(TransactionStage.Completed))
            {
                Watch(key, tracked); // its power loss may still be reported
            }
            else
            {
                Unwatch(key);
            }
            return tracked;
        }
        _open.TryGetValue(key, out var before);
        _open[key] = tracked;
        _tally.Replace(before, tracked);
        if (!_openByTerminal.TryGetValue(tracked.TerminalId, out var open))
        {
            _openByTerminal[tracked.TerminalId] = open = new HashSet<string>(StringComparer.Ordinal);
        }
        open.Add(tracked.TransactionId);
        if (tracked.Verdict.NextDeadline is { } deadline) _deadlines.Enqueue(key, deadline);
        return tracked;
    }

    private void Watch((string TerminalId, string TransactionId) key, TrackedTransaction reversal)
    {
        _reversals[key] = reversal;
        if (!_reversedByTerminal.TryGetValue(key.TerminalId, out var ids))
        {
            _reversedByTerminal[key.TerminalId] = ids = new HashSet<string>(StringComparer.Ordinal);
        }
        ids.Add(key.TransactionId);
    }

    private void Unwatch((string TerminalId, string TransactionId) key)
    {
        if (!_reversals.Remove(key)) return;
        if (_reversedByTerminal.TryGetValue(key.TerminalId, out var ids) && ids.Remove(key.TransactionId) && ids.Count == 0)
        {
            _reversedByTerminal.Remove(key.TerminalId);
        }
    }
}
