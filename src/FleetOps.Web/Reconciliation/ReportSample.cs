using FleetOps.Core.Reconciliation;
using FleetOps.Core.Text;
using FleetOps.Web.Onboarding;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// A sample of an acquirer's report, held while an administrator maps its columns in the profile editor (issue 16 item 1):
/// its header (the choices the mapping offers) and, for a mapping, a preview of its first rows read exactly as an import
/// would read them (<see cref="ReportRows"/>: the onboarding reader, <see cref="HeaderCheck"/>, <see cref="ReportRowReader"/>
/// and its card guard). The bytes sit in a <see cref="ReportSpool"/> — a temporary file, as an upload does, so 50 MB never
/// sit in the circuit — and are deleted on dispose: a sample is never stored.
/// </summary>
public sealed class ReportSample : IAsyncDisposable
{
    /// <summary>Rows shown in a preview; the rest of the file is still read, for the card guard.</summary>
    public const int PreviewRows = 10;

    private readonly ReportSpool _file;

    private ReportSample(string fileName, ImportFormat format, ReportSpool file, IReadOnlyList<string> header)
    {
        FileName = fileName;
        Format = format;
        _file = file;
        Header = header;
    }

    public string FileName { get; }

    public ImportFormat Format { get; }

    /// <summary>The header's names as the file writes them (the mapping's choices), empty cells left out.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Copies <paramref name="content"/> aside (up to the import's limit) and reads its header; a file the import could not
    /// read, an empty one, a header holding a card number or one too large is refused with the reason in English words
    /// (<see cref="ReportSampleRefusal"/>), and nothing of it is kept.
    /// </summary>
    public static async Task<(ReportSample? Sample, ReportSampleRefusal? Refusal)> CreateAsync(string fileName, ImportFormat format, Stream content,
        CancellationToken cancellationToken)
    {
        var file = await ReportSpool.CreateAsync(content, ReconciliationService.MaxBytes, cancellationToken);
        var refusal = file.TooLarge ? ReportSampleRefusal.TooLarge : null;
        IReadOnlyList<string> header = [];
        if (refusal is null)
        {
            try
            {
                await using var stream = file.OpenRead();
                var cells = ImportRowReader.Read(stream, format).FirstOrDefault(r => !r.All(string.IsNullOrWhiteSpace));
                header = (cells ?? []).Select(c => (c ?? "").Trim().TrimStart('\uFEFF').Trim()).Where(c => c.Length > 0)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (header.Count == 0) refusal = ReportSampleRefusal.Empty;
                // The header row is no data row, so the row reader never sees it: the one card guard looks at it here.
                else if (header.Any(h => CardNumberGuard.ContainsCardNumber(h))) refusal = ReportSampleRefusal.CardNumber(1);
            }
            catch (Exception e) when (ImportRowReader.IsUnreadable(e))
            {
                refusal = ReportSampleRefusal.Unreadable;
            }
        }
        if (refusal is null) return (new ReportSample(fileName, format, file, header), null);
        await file.DisposeAsync();
        return (null, refusal);
    }

    /// <summary>
    /// The first rows as <paramref name="layout"/> reads them, or the header's misfit; a row holding a full card number
    /// anywhere in the file refuses the whole sample, as it refuses an import. Reads the whole file: call off the UI thread.
    /// </summary>
    public ReportPreview Preview(ReportLayout layout, CancellationToken cancellationToken)
    {
        using var stream = _file.OpenRead();
        var rows = new ReportRows(stream, Format, layout);
        var shown = new List<RowOutcome>();
        try
        {
            foreach (var row in rows.Read())
            {
                if (row.HoldsCardNumber) return new ReportPreview(rows.Header, [], rows.RowsRead, ReportSampleRefusal.CardNumber(row.Row));
                if (shown.Count < PreviewRows) shown.Add(row);
                else cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception e) when (ImportRowReader.IsUnreadable(e))
        {
            return new ReportPreview(rows.Header, [], rows.RowsRead, ReportSampleRefusal.Unreadable);
        }
        return new ReportPreview(rows.Header, shown, rows.RowsRead, null);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
