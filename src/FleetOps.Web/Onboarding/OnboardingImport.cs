using System.Diagnostics;
using System.Text.Unicode;
using FleetOps.Core.Fleet;
using FleetOps.Web.Background;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// Bulk onboarding (docs/operations.md): one CSV or XLSX file of stores and terminals, imported all or nothing. The file
/// is held in memory (at most <see cref="MaxBytes"/>), checked whole, then written by <see cref="FleetRegistry.ImportAsync"/>
/// in one transaction; the new terminals' keys come back once, in the outcome. The API and the import page both call
/// this, so they cannot disagree. Cell values are never logged.
/// </summary>
public sealed partial class OnboardingImport(FleetRegistry registry, StoreDirectory stores, FleetState fleet, AuditLog audit, ILogger<OnboardingImport> logger)
{
    /// <summary>10 MB: about 130,000 rows of the template's width, more than a chain onboards in one go.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int MaxListedErrors = 1000;

    /// <summary>Reads <paramref name="content"/> (stopping past <see cref="MaxBytes"/>: a too-large outcome) and imports it.</summary>
    public async Task<ImportOutcome> RunAsync(Stream content, ImportFormat format, string actor, string? address,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadCappedAsync(content, cancellationToken);
        return bytes is null
            ? new ImportOutcome(0, 0, [new ImportError(0, null, TooLargeMessage)], 1, [], TooLarge: true)
            : await RunAsync(bytes, format, actor, address, progress, cancellationToken);
    }

    public static string TooLargeMessage => $"The file is larger than {MaxBytes / (1024 * 1024)} MB. Split it into several files; each is imported all or nothing.";

    public async Task<ImportOutcome> RunAsync(byte[] content, ImportFormat format, string actor, string? address,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var fileErrors = FileProblems(content, format);
        if (fileErrors.Count > 0) return ImportOutcome.Refused(fileErrors.Listed, fileErrors.Count);

        // Reading and checking is CPU work of a second or two for 100,000 rows: off the caller's (a circuit's) thread, and
        // off the pool, whose two workers on two cores must stay free for the page's progress renders.
        cancellationToken.ThrowIfCancellationRequested();
        var plan = await OffThePool.RunAsync(() => Task.FromResult(Plan(content, format, progress)));
        if (plan.Errors.Count > 0) return ImportOutcome.Refused(plan.Errors.Listed, plan.Errors.Count);
        var checkedAt = Stopwatch.GetTimestamp();

        var total = plan.NewTerminals.Count;
        var written = progress is null ? null : new WrittenRows(n => progress.Report(new ImportProgress(ImportStage.Writing, n, total)));
        progress?.Report(new ImportProgress(ImportStage.Writing, 0, total));
        var result = await registry.ImportAsync(plan.NewStores, plan.NewTerminals, written, cancellationToken);
        if (result.LostRaceWithAnotherNode)
        {
            return new ImportOutcome(0, 0, [new ImportError(0, null,
                "Another server registered one of the file's stores or terminals while it was written; nothing was imported. Import the file again to see which.")],
                1, [], LostRaceWithAnotherNode: true);
        }
        if (result.Refused) return Taken(result, plan);

        await audit.RecordAsync(actor, AuditActions.TerminalsImported, AuditLog.Counted(result.Registered.Count, "terminal", "terminals"),
            $"{AuditLog.Counted(plan.NewStores.Count, "store", "stores")} and {AuditLog.Counted(result.Registered.Count, "terminal", "terminals")} from a {format} file of {AuditLog.Counted(plan.RowsRead, "row", "rows")}; keys issued",
            address, CancellationToken.None);
        LogImported(plan.NewStores.Count, result.Registered.Count, format, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Stopwatch.GetElapsedTime(started, checkedAt).TotalMilliseconds);
        return new ImportOutcome(plan.NewStores.Count, result.Registered.Count, [], 0, result.Registered);
    }

    private ImportPlan Plan(byte[] content, ImportFormat format, IProgress<ImportProgress>? progress)
    {
        var estimated = format == ImportFormat.Csv ? content.AsSpan().Count((byte)'\n') : 0;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return new ImportPlanner(stores, fleet).Plan(ImportRowReader.Read(stream, format), progress, estimated);
        }
        catch (Exception e) when (ImportRowReader.IsUnreadable(e))
        {
            // A damaged workbook: MiniExcel's own message may quote cell text, so only its kind is logged.
            LogUnreadable(format, e.GetType().Name);
            var plan = new ImportPlan();
            plan.Errors.Add(0, null, $"The file could not be read as {format}: it is damaged or of another type.");
            return plan;
        }
    }

    /// <summary>Problems of the file as a whole, found before any row is read: empty, the wrong type, not UTF-8.</summary>
    private static ImportErrorList FileProblems(byte[] content, ImportFormat format)
    {
        var errors = new ImportErrorList();
        var zip = content.AsSpan().StartsWith("PK\u0003\u0004"u8);
        if (content.Length == 0) errors.Add(0, null, "The file is empty: it needs a header row and at least one row to import.");
        else if (format == ImportFormat.Xlsx && !zip) errors.Add(0, null, "The file is not an XLSX workbook (an .xlsx file is a ZIP archive). Send CSV as text/csv.");
        else if (format == ImportFormat.Csv && zip) errors.Add(0, null, "The file is an XLSX workbook, not CSV text. Send it as XLSX.");
        else if (format == ImportFormat.Csv && !Utf8.IsValid(content)) NotUtf8Lines(content, errors);
        return errors;
    }

    /// <summary>Names each line that is not UTF-8 (a file saved as GBK or Latin-1 would otherwise import garbled names).</summary>
    private static void NotUtf8Lines(byte[] content, ImportErrorList errors)
    {
        var line = 0;
        foreach (var range in content.AsSpan().Split((byte)'\n'))
        {
            line++;
            if (!Utf8.IsValid(content.AsSpan(range))) errors.Add(line, null, $"Line {line} is not UTF-8 text; save the file as CSV UTF-8.");
        }
    }

    private static ImportOutcome Taken(BulkRegistration result, ImportPlan plan)
    {
        var errors = new ImportErrorList();
        foreach (var code in result.TakenStoreCodes)
        {
            errors.Add(plan.StoreRows[code], ImportColumns.StoreCode, $"A store with code '{code}' is registered already (codes are case-insensitive).");
        }
        foreach (var id in result.TakenTerminalIds)
        {
            errors.Add(plan.TerminalRows[id], ImportColumns.TerminalId, $"A terminal '{id}' is registered already (ids are case-insensitive).");
        }
        foreach (var clash in result.AcquirerTerminalIdClashes)
        {
            errors.Add(plan.TerminalRows[clash.TerminalId], ImportColumns.AcquirerTerminalId, clash.Problem);
        }
        var sorted = errors.Listed.OrderBy(e => e.Row).ToList();
        return ImportOutcome.Refused(sorted, errors.Count);
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Hands the registry's "rows written" straight on (Progress&lt;T&gt; would post to the caller's context).</summary>
    private sealed class WrittenRows(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Stores} stores and {Terminals} terminals from a {Format} file in {Milliseconds:F0} ms ({CheckMilliseconds:F0} ms reading and checking it)")]
    private partial void LogImported(int stores, int terminals, ImportFormat format, double milliseconds, double checkMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An onboarding file could not be read as {Format} ({Failure})")]
    private partial void LogUnreadable(ImportFormat format, string failure);
}
