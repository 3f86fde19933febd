using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// A report's readable lines sorted by booking day on disk: the first pass appends each line to its day's temporary file
/// (file order kept within a day), the second reads the days in order. Matching then walks the report day by day with a
/// window of a few days of sales instead of loading every sale the report's days could name (issue 16: a million lines
/// in constant memory, whatever order the acquirer wrote them in). The files are deleted when this is disposed.
/// </summary>
internal sealed class ReportDays : IDisposable
{
    private const int BufferBytes = 16_384;

    // More days than this open at once (a report of years) are closed and reopened for appending as lines come.
    private const int MostOpenFiles = 128;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetops-report-days-{Guid.NewGuid():N}");
    private readonly Dictionary<DateOnly, BinaryWriter> _open = [];
    private readonly HashSet<DateOnly> _days = [];

    public ReportDays() => Directory.CreateDirectory(_folder);

    /// <summary>The booking days that have lines, in order.</summary>
    public IReadOnlyList<DateOnly> Days => _days.Order().ToList();

    public void Add(SettlementItem item)
    {
        if (!_open.TryGetValue(item.BookedOn, out var writer))
        {
            if (_open.Count >= MostOpenFiles) CloseAll();
            var stream = new FileStream(PathOf(item.BookedOn), FileMode.Append, FileAccess.Write, FileShare.None, BufferBytes);
            _open[item.BookedOn] = writer = new BinaryWriter(stream);
            _days.Add(item.BookedOn);
        }
        writer.Write(item.Row);
        writer.Write(item.MerchantId);
        writer.Write(item.AcquirerTerminalId);
        writer.Write(item.Rrn);
        Optional(writer, item.AuthCode);
        writer.Write(item.AmountMinor);
        writer.Write(item.Currency);
        Optional(writer, item.MaskedPan);
        writer.Write((byte)item.Type);
        writer.Write(item.FeeMinor);
    }

    /// <summary>Ends the first pass: every day's file complete.</summary>
    public void Seal() => CloseAll();

    /// <summary>One day's lines in the order the file had them; none when the day has no line.</summary>
    public IEnumerable<SettlementItem> Read(DateOnly day)
    {
        if (!_days.Contains(day)) yield break;
        using var reader = new BinaryReader(new FileStream(PathOf(day), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var row = reader.ReadInt32();
            var merchant = reader.ReadString();
            var terminal = reader.ReadString();
            var rrn = reader.ReadString();
            var auth = Optional(reader);
            var amount = reader.ReadInt64();
            var currency = string.Intern(reader.ReadString());
            var pan = Optional(reader);
            var type = (SettlementItemType)reader.ReadByte();
            yield return new SettlementItem(row, day, merchant, terminal, rrn, auth, amount, currency, pan, type, reader.ReadInt64());
        }
    }

    public void Dispose()
    {
        CloseAll();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(DateOnly day) => Path.Combine(_folder, $"{day.DayNumber}.bin");

    private void CloseAll()
    {
        foreach (var writer in _open.Values) writer.Dispose();
        _open.Clear();
    }

    private static void Optional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? Optional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
