using System.Collections.Concurrent;
using FleetOps.Core.Detection;
using FleetOps.Core.Live;
using FleetOps.Core.Transactions;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Background;

/// <summary>
/// Money at risk over the last <see cref="Days"/> days, for the overview and store charts. Open transactions come from the
/// in-memory book; closed ones are only in the database, so the few closed ones that were at risk in the window
/// (<see cref="AtRiskCandidates"/>) are cached here, loaded at start-up and every <see cref="RefreshEvery"/>. Between loads,
/// sales that close are taken from the book (subscribed) as they leave it: otherwise a late settlement would make its past days drop
/// out of the chart until the next load. Pages compute their scoped trend per render from the cache and the book.
/// <para>
/// Pages that draw the trend follow the book through this class (<see cref="BookHistory.Subscribe"/>), which relays each
/// change of the book only after it has taken the closed sales in.
/// </para>
/// </summary>
public sealed partial class MoneyAtRiskHistory(FleetDbContextFactory databases, TransactionBook book, DetectionOptions options,
    TimeProvider time, ILogger<MoneyAtRiskHistory> logger) : BookHistory("money at risk", book, time, logger)
{
    public const int Days = MoneyAtRiskTrend.DefaultDays;
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);

    // Field initializers: the book may report before the constructor ends (BookHistory).
    private readonly FleetDbContextFactory _databases = databases;
    private readonly TransactionBook _book = book;
    private readonly DetectionOptions _options = options;
    private readonly TimeProvider _time = time;
    private readonly ILogger<MoneyAtRiskHistory> _logger = logger;

    private volatile IReadOnlyDictionary<(string, string), Closed> _loaded = new Dictionary<(string, string), Closed>();
    private readonly ConcurrentDictionary<(string, string), Closed> _closedSinceLoad = new();
    private long _sequence;

    /// <summary>A closed transaction that was at risk at some time, and the order in which the book reported it.</summary>
    private sealed record Closed(TransactionRecord Record, string StoreCode, long Sequence);

    /// <summary>Money at risk at the end of each of the last <see cref="Days"/> days in <paramref name="stores"/> (null: all), days in <paramref name="zone"/>.</summary>
    public RiskTrend Trend(IReadOnlySet<string>? stores, TimeZoneInfo zone) =>
        MoneyAtRiskTrend.Daily(Transactions(), stores, _time.GetUtcNow(), zone, _options, Days,
            record => _book.IsNotCredited(record.TerminalId, record.TransactionId));

    /// <summary>The closed transactions that were at risk in the window (the book's report is newer than the load).</summary>
    public IEnumerable<(TransactionRecord Record, string StoreCode)> ClosedTransactions() => ClosedIn(_loaded);

    /// <summary>
    /// Each transaction that was at risk in the window once (and the book's open ones): the closed ones, then the open
    /// ones.
    /// </summary>
    public IEnumerable<(TransactionRecord Record, string StoreCode)> Transactions()
    {
        var loaded = _loaded;
        foreach (var closed in ClosedIn(loaded)) yield return closed;
        foreach (var t in _book.Open)
        {
            var key = (t.TerminalId, t.TransactionId);
            if (!_closedSinceLoad.ContainsKey(key) && !loaded.ContainsKey(key)) yield return (t.Record, t.StoreCode);
        }
    }

    private IEnumerable<(TransactionRecord Record, string StoreCode)> ClosedIn(IReadOnlyDictionary<(string, string), Closed> loaded)
    {
        foreach (var (key, c) in loaded)
        {
            if (!_closedSinceLoad.ContainsKey(key)) yield return (c.Record, c.StoreCode);
        }
        foreach (var c in _closedSinceLoad.Values) yield return (c.Record, c.StoreCode);
    }

    /// <summary>Reloads the closed transactions that were at risk in the window from the database.</summary>
    public override async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        // Whatever the book reported before the query starts is committed, so the query sees it.
        var reportedBefore = Interlocked.Read(ref _sequence);
        var since = Since(_time.GetUtcNow());
        var loaded = new Dictionary<(string, string), Closed>();
        await using (var db = _databases.CreateDbContext())
        {
            await foreach (var (record, store) in AtRiskCandidates.ClosedSinceAsync(db, since, _options, cancellationToken))
            {
                if (WasAtRiskSince(record, since)) loaded[(record.TerminalId, record.TransactionId)] = new Closed(record, store, 0);
            }
        }
        _loaded = loaded;
        foreach (var entry in _closedSinceLoad)
        {
            if (entry.Value.Sequence <= reportedBefore) _closedSinceLoad.TryRemove(entry);
        }
        return loaded.Count;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RefreshWhileRunningAsync(RefreshEvery, async token => LogLoaded(await RefreshAsync(token)), LogFailed, stoppingToken);

    protected override void Take(ChangeBatch<TrackedTransaction> changed)
    {
        var since = Since(_time.GetUtcNow());
        foreach (var t in changed)
        {
            if (!t.Record.IsClosed || !WasAtRiskSince(t.Record, since)) continue;
            _closedSinceLoad[(t.TerminalId, t.TransactionId)] = new Closed(t.Record, t.StoreCode, Interlocked.Increment(ref _sequence));
        }
    }

    /// <summary>A day's margin before the first day's end, whatever the time zone of the stores.</summary>
    private static DateTimeOffset Since(DateTimeOffset now) => now - TimeSpan.FromDays(Days + 1);

    private bool WasAtRiskSince(TransactionRecord record, DateTimeOffset since) =>
        RiskWindows.Of(record, _options).Any(w => w.Until is not { } until || until > since);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Money-at-risk history loaded: {Count} closed transactions were at risk in the window")]
    private partial void LogLoaded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the money-at-risk history failed; will retry")]
    private partial void LogFailed(Exception exception);
}
