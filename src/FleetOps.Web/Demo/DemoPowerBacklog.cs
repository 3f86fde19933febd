using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Ingestion;

namespace FleetOps.Web.Demo;

/// <summary>
/// The power stories the demo writes at every start through the real event writer, so the power page shows each of
/// them at once rather than whenever the simulator happens to produce one (issue 12): a till with three losses since
/// yesterday (unstable, the device to blame), a store whose mains failed 50 minutes ago — every till down within a
/// minute, two of them in the middle of a card payment (interrupted payments), power back 15 minutes later — and a till
/// whose battery lasted 7 minutes (weak). Event and transaction ids are fixed per run date, as in <see cref="DemoBacklog"/>,
/// so a restart on the same day only finds duplicates. Tills are chosen away from the sales backlog's first five.
/// </summary>
public sealed partial class DemoPowerBacklog(EventWriter writer, FleetState fleet, TimeProvider time, ILogger logger)
{
    private const int SalesBacklogTerminals = 5;
    /// <summary>How many card payments the store outage interrupts.</summary>
    public const int InterruptedSales = 2;

    /// <param name="whileOutageLasts">Runs after the store's tills went dark and before power comes back (the demo lets the
    /// alert centre see the outage open, so it shows resolved once power is back — a real lifecycle, not a made-up row).</param>
    public async Task<DemoPowerStories> WriteAsync(CancellationToken cancellationToken, Func<Task>? whileOutageLasts = null)
    {
        var terminals = fleet.All
            .Where(t => t.TerminalId.StartsWith(DemoChain.TerminalPrefix, StringComparison.Ordinal) && !t.Registration.Decommissioned)
            .OrderBy(t => t.TerminalId, StringComparer.Ordinal).ToList();
        var outageStore = terminals.Count > 0 ? terminals[^1].StoreCode : null;
        var others = terminals.Skip(SalesBacklogTerminals).Where(t => t.StoreCode != outageStore).Take(2).ToList();
        // The sales backlog's tills last: the outage's interrupted payments go to tills that tell no other story.
        var salesBacklog = terminals.Take(SalesBacklogTerminals).Select(t => t.TerminalId).ToHashSet(StringComparer.Ordinal);
        var inOutage = terminals.Where(t => t.StoreCode == outageStore).Select(t => t.TerminalId)
            .OrderBy(salesBacklog.Contains).ToList();
        if (others.Count < 2 || inOutage.Count < InterruptedSales)
        {
            LogTooFewTerminals();
            return new DemoPowerStories(0, 0, null, null, null);
        }
        var now = time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var writes = new List<(string TerminalId, List<TelemetryEvent> Events)>
        {
            (others[0].TerminalId, Unstable(day, now)),
            (others[1].TerminalId, WeakBattery(day, now)),
        };
        writes.AddRange(inOutage.Select((id, i) => (id, OutageStart(day, now, i))));
        int accepted = 0, duplicates = 0;
        async Task WriteAllAsync(IEnumerable<(string TerminalId, List<TelemetryEvent> Events)> batch)
        {
            foreach (var (terminalId, events) in batch)
            {
                var result = await writer.WriteAsync(terminalId, events, cancellationToken);
                accepted += result.Accepted;
                duplicates += result.Duplicates;
            }
        }
        await WriteAllAsync(writes);
        if (whileOutageLasts is not null) await whileOutageLasts();
        await WriteAllAsync(inOutage.Select((id, i) => (id, OutageEnd(day, now, i))));
        LogWritten(day, accepted, duplicates, outageStore!);
        return new DemoPowerStories(accepted, duplicates, others[0].TerminalId, others[1].TerminalId, outageStore);
    }

    private static PowerEvent Power(string day, string story, int n, PowerState state, DateTimeOffset at) =>
        new($"demo-power.{day}.{story}.p{n}", at, state);

    /// <summary>Three losses in the last day, each time back within minutes: a supply, cable or battery to replace.</summary>
    private static List<TelemetryEvent> Unstable(string day, DateTimeOffset now) =>
    [
        Power(day, "unstable", 1, PowerState.Lost, now.AddHours(-20)),
        Power(day, "unstable", 2, PowerState.Restored, now.AddHours(-20).AddMinutes(1)),
        Power(day, "unstable", 3, PowerState.Brownout, now.AddHours(-14)),
        Power(day, "unstable", 4, PowerState.Lost, now.AddHours(-6)),
        Power(day, "unstable", 5, PowerState.Restored, now.AddHours(-6).AddMinutes(2)),
    ];

    /// <summary>On battery for 7 minutes before it ran low, then mains came back: under the 10-minute limit.</summary>
    private static List<TelemetryEvent> WeakBattery(string day, DateTimeOffset now) =>
    [
        Power(day, "battery", 1, PowerState.OnBattery, now.AddHours(-3)),
        Power(day, "battery", 2, PowerState.LowBattery, now.AddHours(-3).AddMinutes(7)),
        Power(day, "battery", 3, PowerState.Restored, now.AddHours(-3).AddMinutes(12)),
    ];

    /// <summary>The store's mains fail: each till notices a few seconds apart; the first ones were taking a card payment.</summary>
    private static List<TelemetryEvent> OutageStart(string day, DateTimeOffset now, int index)
    {
        var story = $"outage{index}";
        var lost = now.AddMinutes(-50).AddSeconds(3 * index);
        var events = new List<TelemetryEvent>();
        if (index < InterruptedSales)
        {
            events.Add(new TransactionEvent($"demo-power.{day}.{story}.authorized", lost.AddSeconds(-20), $"{day}-{9101 + index}",
                TransactionStage.Authorized, 15800 + 2200 * index, "CNY", $"622588******310{index}", $"P4K7Q{index}",
                $"60610224880{index}", $"9{day[1..]}"));
        }
        events.Add(Power(day, story, 1, PowerState.Lost, lost));
        return events;
    }

    /// <summary>Power is back 15 minutes later: each till reports it.</summary>
    private static List<TelemetryEvent> OutageEnd(string day, DateTimeOffset now, int index) =>
        [Power(day, $"outage{index}", 2, PowerState.Restored, now.AddMinutes(-35).AddSeconds(2 * index))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo power backlog of {Day}: {Accepted} events written, {Duplicates} already there; store outage in {Store}")]
    private partial void LogWritten(string day, int accepted, int duplicates, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo power backlog skipped: too few demo terminals")]
    private partial void LogTooFewTerminals();
}
