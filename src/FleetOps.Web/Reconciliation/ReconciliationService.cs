using System.Text.Json;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Text;
using FleetOps.Core.Transactions;
using FleetOps.Web.Api;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Settlement report import and what it proves (issue 16, PROTOCOL §11). An import reads the file twice: first every
/// row is checked (a full card number anywhere refuses the file, nothing stored) and the booking days found; then the
/// ledger of those days is loaded (<see cref="CreditWindow"/>), the lines are matched and written in one transaction
/// with the sales' credit states, and only after the commit the transaction book learns which sales are now
/// <c>not_credited</c> or re-credited and the feed announces the report. Imports run one at a time.
/// </summary>
public sealed partial class ReconciliationService(
    FleetDbContextFactory databases,
    StoreDirectory stores,
    FleetState fleet,
    TransactionBook book,
    NotCreditedBook proofs,
    ChangeAnnouncer announcer,
    IOptions<ReconciliationOptions> options,
    AuditLog audit,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ReconciliationService> logger) : IChangeSource<ReportImported>
{
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The most per-row errors kept with a report and answered; <see cref="ReportSummary.ErrorCount"/> counts all.</summary>
    public const int MaxListedErrors = 1000;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ChangeFeed<ReportImported> _changes = new("reconciliation", time, logger);

    public static string TooLargeMessage => $"The report is larger than {MaxBytes / (1024 * 1024)} MB. Split it into several files (by day).";

    public const string StoppedMessage = "FleetOps was asked to stop while the report was being imported: nothing of it was stored. Import the file again once FleetOps is back.";

    /// <summary>Reports as they commit (the reconciliation page, the worklist's proof column).</summary>
    public IDisposable Subscribe(Func<ReportImported, bool>? relevant, Func<ChangeBatch<ReportImported>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>The report that proves a sale was not credited, while it is (null otherwise).</summary>
    public NotCreditedProof? ProofOf(string terminalId, string transactionId) => proofs.ProofOf(terminalId, transactionId);

    /// <summary>Spools <paramref name="content"/> (up to <see cref="MaxBytes"/>) and imports it.</summary>
    public async Task<ReportImportOutcome> ImportAsync(ReportUpload upload, Stream content, IProgress<ReportReadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await using var spool = await ReportSpool.CreateAsync(content, MaxBytes, cancellationToken);
        return await ImportAsync(upload, spool, progress, cancellationToken);
    }

    /// <summary>
    /// Imports a spooled report. A stop of the server (SIGTERM, <c>systemctl stop</c>) cancels it: a large import takes
    /// minutes, and the host waited for it through its whole shutdown timeout, then ended the process under it — the
    /// report left half-written until the next import, the client's connection closed without an answer, nothing in the log.
    /// Cancelled, the import removes what it wrote (on SQLite) or rolls back (PostgreSQL) and says so.
    /// </summary>
    public async Task<ReportImportOutcome> ImportAsync(ReportUpload upload, ReportSpool file, IProgress<ReportReadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var stopOrCaller = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var started = time.GetTimestamp();
        try
        {
            return await ImportUntilStoppedAsync(upload, file, progress, stopOrCaller.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The acquirer only once checked (it is typed in); the file's name never (it may carry anything).
            var acquirer = upload.Acquirer.Trim();
            LogStoppedByStop(AcquirerProblem(acquirer) is null ? acquirer : "?", file.Length, time.GetElapsedTime(started).TotalSeconds);
            return new ReportImportOutcome(ReportImportStatus.Stopped, null, StoppedMessage);
        }
    }

    private async Task<ReportImportOutcome> ImportUntilStoppedAsync(ReportUpload upload, ReportSpool file, IProgress<ReportReadProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (file.TooLarge) return new ReportImportOutcome(ReportImportStatus.TooLarge, null, TooLargeMessage);
        var acquirer = upload.Acquirer.Trim();
        if (AcquirerProblem(acquirer) is { } acquirerProblem) return ReportImportOutcome.Refused(acquirerProblem);
        var (layout, profileProblem) = await LayoutAsync(upload.Profile, acquirer, cancellationToken);
        if (layout is null) return ReportImportOutcome.Refused(profileProblem!);

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (await FindAsync(acquirer, file.Hash, cancellationToken) is { } earlier) return new ReportImportOutcome(ReportImportStatus.AlreadyImported, earlier, null);
            var started = time.GetTimestamp();
            var ids = new AcquirerIds(acquirer, stores, fleet);
            var bookingDays = BookingDays.At(time.GetUtcNow(), ids.Stores.Values.Select(s => StoreTime.Find(s.TimeZone)), options.Value.MaxBookingAgeDays);
            using var check = ReportCheck.Run(upload, file, layout, bookingDays, progress, cancellationToken);
            if (check.Problem is not null) return ReportImportOutcome.Refused(check.Problem);
            LogChecked(check.Rows, time.GetElapsedTime(started).TotalSeconds);
            var written = await new ReportWrite(databases, fleet, options.Value.CreditWithinDays, announcer, time, logger)
                .RunAsync(upload with { Acquirer = acquirer }, file, layout, ids, check, progress, cancellationToken);
            if (written is null)
            {
                // Another node imported the same file meanwhile (the unique index refused ours): its import is the answer.
                return new ReportImportOutcome(ReportImportStatus.AlreadyImported, await FindAsync(acquirer, file.Hash, cancellationToken), null);
            }
            await AfterCommitAsync(written, acquirer, cancellationToken);
            await audit.RecordAsync(upload.Actor, AuditActions.SettlementReportImported, written.Report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{acquirer}: {AuditLog.Counted(written.Report.Rows, "row", "rows")}, {written.Report.Matched} credited, {written.NotCredited.Count} not credited");
            LogImported(written.Report.Id, acquirer, written.Report.Rows, written.Report.Matched, written.NotCredited.Count, written.ReCredited.Count);
            return new ReportImportOutcome(ReportImportStatus.Imported, written.Report, null);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The reports the scope sees, newest first: all of them for people who see every store.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var reports = await db.SettlementReports.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        if (scope.Everything) return reports.Select(r => ReportSummary.From(r, null)).ToList();
        var tallies = (await db.SettlementReportStores.AsNoTracking().ToListAsync(cancellationToken))
            .Where(t => scope.AllowsStore(t.StoreCode, stores)).ToLookup(t => t.ReportId);
        return reports.Where(r => tallies.Contains(r.Id)).Select(r => ReportSummary.From(r, tallies[r.Id].ToList())).ToList();
    }

    /// <summary>One report as the scope sees it; null when it has no line of the scope's stores (answered like a missing one).</summary>
    public async Task<ReportSummary?> GetAsync(long id, AccessScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var report = await db.SettlementReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null) return null;
        if (scope.Everything) return ReportSummary.From(report, null);
        var tallies = (await db.SettlementReportStores.AsNoTracking().Where(t => t.ReportId == id).ToListAsync(cancellationToken))
            .Where(t => scope.AllowsStore(t.StoreCode, stores)).ToList();
        return tallies.Count == 0 ? null : ReportSummary.From(report, tallies);
    }

    /// <summary>The saved mapping profiles (the built-in generic format is not among them).</summary>
    public async Task<IReadOnlyList<ReportProfile>> ProfilesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.SettlementReportProfiles.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return rows.Select(ToProfile).ToList();
    }

    /// <summary>
    /// Stores (adds or replaces) a mapping profile that <see cref="ReportProfiles"/> has checked whole; returns the problem
    /// in words when no store is credited by its acquirer.
    /// </summary>
    public async Task<string?> SaveProfileAsync(string name, string acquirer, ReportLayout layout, string actor, CancellationToken cancellationToken = default)
    {
        if (AcquirerProblem(acquirer.Trim()) is { } problem) return problem;
        await using var db = databases.CreateDbContext();
        var row = await db.SettlementReportProfiles.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (row is null) db.SettlementReportProfiles.Add(row = new ReportProfileRow { Name = name, Acquirer = "", LayoutJson = "", UpdatedBy = "" });
        row.Acquirer = acquirer.Trim();
        row.LayoutJson = JsonSerializer.Serialize(layout with { Name = name });
        row.UpdatedBy = actor;
        row.UpdatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The layout an import's <c>profile</c> names: the generic format when none, else a saved profile of the acquirer.</summary>
    public async Task<(ReportLayout? Layout, string? Problem)> LayoutAsync(string? profile, string acquirer, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(profile) || string.Equals(profile.Trim(), ReportLayout.GenericName, StringComparison.OrdinalIgnoreCase))
        {
            return (ReportLayout.Generic, null);
        }
        await using var db = databases.CreateDbContext();
        var name = profile.Trim();
        var row = await db.SettlementReportProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (row is null || !string.Equals(row.Acquirer, acquirer, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"No mapping profile '{name}' for acquirer '{acquirer}'. Use '{ReportLayout.GenericName}' or a saved profile of that acquirer.");
        }
        return (ToProfile(row).Layout, null);
    }

    /// <summary>
    /// Only after the commit: the proofs, then the book (settled sales come back as <c>not_credited</c>, re-credited ones
    /// leave and their cases close), then the feed. The book needs the sales' records, read back by key (few).
    /// </summary>
    private async Task AfterCommitAsync(WrittenReport written, string acquirer, CancellationToken cancellationToken)
    {
        var report = written.Report;
        foreach (var sale in written.NotCredited)
        {
            proofs.Put(sale.TerminalId, sale.TransactionId,
                new NotCreditedProof(report.Id, report.FileName, acquirer, report.FirstBookedOn ?? sale.SettledOn, report.LastBookedOn ?? sale.SettledOn, sale.SettledOn));
        }
        foreach (var sale in written.ReCredited) proofs.Remove(sale.TerminalId, sale.TransactionId);
        if (written.NotCredited.Count > 0)
        {
            await using var db = databases.CreateDbContext();
            book.MarkNotCredited(await SaleRecords.ReadAsync(db, written.NotCredited.Select(s => (s.TerminalId, s.TransactionId)).ToList(), cancellationToken));
        }
        book.MarkCredited(written.ReCredited.Select(s => (s.TerminalId, s.TransactionId)).ToList());
        _changes.Publish([new ReportImported(report.Id, acquirer, written.Stores)]);
    }

    /// <summary>
    /// Another node imported a report: the proofs are compared with the database's (the not-credited sales are few), the
    /// new ones put into the proofs and the book, the gone ones (re-credited) taken out, and the report announced on this
    /// node's feed like one imported here. Not under the import's lock, which a long import here holds for minutes: each
    /// step is a whole-set comparison, so applying it late or twice changes nothing more.
    /// </summary>
    public async Task ApplyFromPeerAsync(BookChange change, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var proven = await SaleRecords.NotCreditedAsync(db, cancellationToken);
        var now = proven.ToDictionary(p => (p.Record.TerminalId, p.Record.TransactionId));
        var added = proven.Where(p => proofs.ProofOf(p.Record.TerminalId, p.Record.TransactionId) != p.Proof).ToList();
        var gone = proofs.Sales.Where(s => !now.ContainsKey(s)).ToList();
        foreach (var (record, _, proof) in added) proofs.Put(record.TerminalId, record.TransactionId, proof);
        foreach (var (terminalId, transactionId) in gone) proofs.Remove(terminalId, transactionId);
        if (added.Count > 0) book.MarkNotCredited(added.Select(p => (p.Record, p.StoreCode)).ToList());
        if (gone.Count > 0) book.MarkCredited(gone);
        var ids = change.Ids.ToList();
        var reports = await db.SettlementReports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Acquirer }).ToListAsync(cancellationToken);
        var stores = await db.SettlementReportStores.AsNoTracking().Where(s => ids.Contains(s.ReportId)).Select(s => new { s.ReportId, s.StoreCode })
            .ToListAsync(cancellationToken);
        _changes.Publish(reports.Select(r => new ReportImported(r.Id, r.Acquirer,
            stores.Where(s => s.ReportId == r.Id).Select(s => s.StoreCode).ToHashSet(StringComparer.OrdinalIgnoreCase))).ToList());
    }

    /// <summary>
    /// The acquirer an import or a profile is filed under, by the stores' own rule (lower case, api.md §11): reports are
    /// told apart by acquirer and file hash, their coverage and the sales' verdicts are looked up by acquirer, so a second
    /// spelling of one acquirer ("UNIONPAY") would import the same file again and credit its sales twice.
    /// </summary>
    private string? AcquirerProblem(string acquirer)
    {
        if (acquirer.Length == 0) return "'acquirer' is required: the acquirer whose settlement report this is.";
        // The text rule first: a card number typed into the field is all digits, which the name pattern allows.
        if (TextRules.Problem("acquirer", acquirer) is { } problem) return problem;
        if (!RegistrationRules.IsAcquirerName(acquirer)) return RegistrationRules.AcquirerNameProblem;
        return stores.All.Any(s => string.Equals(s.Acquirer, acquirer, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"No store is credited by acquirer '{acquirer}': register the stores' acquirer and merchant id first.";
    }

    private static ReportProfile ToProfile(ReportProfileRow row) => new(row.Name, row.Acquirer,
        JsonSerializer.Deserialize<ReportLayout>(row.LayoutJson) ?? ReportLayout.Generic, row.UpdatedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs));

    private async Task<ReportSummary?> FindAsync(string acquirer, string hash, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var row = await db.SettlementReports.AsNoTracking().SingleOrDefaultAsync(r => r.Acquirer == acquirer && r.FileHash == hash, cancellationToken);
        return row is null ? null : ReportSummary.From(row, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A settlement report of {Acquirer} ({Bytes} bytes) was being imported when FleetOps was asked to stop: "
        + "the import was cancelled after {Seconds:F1} s and nothing of it was stored; import the file again once FleetOps is back")]
    private partial void LogStoppedByStop(string acquirer, long bytes, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement report checked and sorted by day: {Rows} rows in {Seconds:F1} s")]
    private partial void LogChecked(int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Settlement report {ReportId} of {Acquirer} imported: {Rows} rows, {Credited} credited, {NotCredited} sales not credited, {ReCredited} re-credited")]
    private partial void LogImported(long reportId, string acquirer, int rows, int credited, int notCredited, int reCredited);
}
