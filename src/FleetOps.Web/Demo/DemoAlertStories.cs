using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Security;

namespace FleetOps.Web.Demo;

/// <summary>
/// The alert centre in every state at start (issue 12 item 6), told on top of the power stories through the real
/// services: the store outage's alert opened while the tills were dark and resolved when power came back (see
/// <see cref="DemoPowerBacklog"/>); the unstable till's alert acknowledged by the technician with a note; the weak
/// battery's till muted for its booked replacement; money at risk and offline tills stay open. Each step is skipped
/// when it was done before (a restart on the same day), so nothing piles up.
/// </summary>
public sealed partial class DemoAlertStories(AlertService alerts, AlertBook book, FleetState fleet, TimeProvider time, bool inChinese, ILogger logger)
{
    private static readonly string Technician = DemoUsers.Accounts.First(a => a.Role == Roles.Technician).Email;

    /// <summary>Lets the alert centre look at the fleet now, as its evaluator would within seconds.</summary>
    public Task EvaluateAsync() => alerts.EvaluateAsync();

    public async Task TellAsync(DemoPowerStories power, CancellationToken cancellationToken)
    {
        await alerts.EvaluateAsync(cancellationToken);
        if (power.UnstableTerminal is { } unstable && Subject(AlertKind.UnstablePower, unstable) is { } subject
            && book.Latest.GetValueOrDefault(subject) is { State: AlertState.Open } alert)
        {
            await alerts.AcknowledgeAsync(alert.Id, Technician, inChinese
                ? "已约明早上门更换电源适配器和电源线。"
                : "Visit booked for tomorrow morning: replacing the power supply and cable.", null, cancellationToken);
        }
        if (power.WeakBatteryTerminal is { } weak && fleet.Get(weak) is { } till && !book.Mutes.Any(m => m.TerminalId == weak))
        {
            var now = time.GetUtcNow();
            await alerts.MuteAsync(till.StoreCode, weak, now.AddHours(-1), now.AddDays(2),
                inChinese ? "已订购新电池，到货后更换。" : "New battery ordered; replaced when it arrives.", Technician, null, cancellationToken);
        }
        LogTold(book.Active.Count(), book.Latest.Values.Count(a => a.State == AlertState.Resolved));
    }

    private AlertSubject? Subject(AlertKind kind, string terminalId) =>
        fleet.Get(terminalId) is { } t ? new AlertSubject(kind, t.StoreCode, terminalId) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo alert stories told: {Active} active alerts, {Resolved} resolved")]
    private partial void LogTold(int active, int resolved);
}
