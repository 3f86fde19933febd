using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Transactions;
using FleetOps.Web.Alerts;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Demo;

/// <summary>
/// Work raised from alerts that the demo chain finished before it was started, so the KPI page's "alert → done" has a
/// figure: the demo's only alert work used to be today's, still open, and the figure read "—" on every start. Two tills
/// had unstable power in the last weeks — one at the East store Sam Store manages (Zhang Wei's), one at a North store of
/// Tia's: the alert opened, a dispatcher raised the work from it, the technician came the next day, reseated the loose
/// cable and passed the power checklist, signed off by the store's manager, and the alert resolved once the power held.
/// Told through the real alert and work-order services on a <see cref="HistoryClock"/>, as <see cref="DemoMaintenanceHistory"/>
/// tells its visits. Its alert service hears only this story's detector and has no notification outboxes (an alert of
/// three weeks ago mailed today would be noise); its evaluation resolves every active alert of the kind the detector
/// does not report, so the story is told before the live power stories and only while no unstable-power alert is active.
/// A till whose alert work is done already (a restart) is left alone.
/// </summary>
public sealed partial class DemoAlertWorkHistory(IServiceProvider services, MaintenanceBook book, AlertBook alerts, FleetState fleet,
    StoreDirectory stores, DemoPeople people, TimeProvider time, bool inChinese, ILogger logger)
{
    /// <param name="OpensAt">When the alert opened, into its day (store time).</param>
    /// <param name="VisitAt">When the technician arrived the next day (store time).</param>
    private sealed record Story(DemoUsers.Account Technician, string StoreCode, string Manager, int DaysAgo, TimeSpan OpensAt, TimeSpan VisitAt, TimeSpan Took);

    private static readonly DemoUsers.Account Tia = DemoUsers.Accounts.First(a => a.Role == Roles.Technician);
    private static readonly DemoUsers.Account SamStore = DemoUsers.Accounts.First(a => a.Role == Roles.StoreManager);

    public async Task TellAsync(CancellationToken cancellationToken)
    {
        if (alerts.Active.Any(a => a.Kind == AlertKind.UnstablePower)) return;
        var now = time.GetUtcNow();
        var clock = new HistoryClock(now);
        var detector = new StoryDetector();
        var alertService = ActivatorUtilities.CreateInstance<AlertService>(services, clock, new IAlertSource[] { detector }, Array.Empty<IAlertTransitionSink>());
        var work = ActivatorUtilities.CreateInstance<MaintenanceService>(services, clock, alertService);
        var done = 0;
        foreach (var story in Stories())
        {
            if (stores.Get(story.StoreCode) is not { } store || Till(store.Code) is not { } till
                || book.All.Any(o => o.AlertId is not null && o.TerminalId == till && o.State == WorkOrderState.Done)) continue;
            var zone = StoreTime.Find(store.TimeZone) ?? TimeZoneInfo.Utc;
            var day = StoreTime.Day(now, store.TimeZone).AddDays(-story.DaysAgo);
            var opened = MoneyAtRiskTrend.StartOf(day, zone) + story.OpensAt;
            var subject = new AlertSubject(AlertKind.UnstablePower, store.Code, till);
            clock.Now = opened;
            detector.Reports = new AlertCondition(subject, AlertSeverity.Warning, opened);
            await alertService.EvaluateAsync(cancellationToken);
            if (alerts.Latest.GetValueOrDefault(subject) is not { IsActive: true } alert) continue;
            clock.Now = opened.AddMinutes(25);
            if ((await work.CreateFromAlertAsync(alert.Id, people.Administrator, null, cancellationToken)).Value is not { } order) continue;
            var visit = MoneyAtRiskTrend.StartOf(day.AddDays(1), zone) + story.VisitAt;
            clock.Now = opened.AddMinutes(40);
            await work.ScheduleAsync(order.Id, story.Technician.Email, visit, visit.AddHours(1), people.Administrator, null, cancellationToken);
            var technician = people.Actor(story.Technician);
            clock.Now = visit.AddMinutes(10);
            await work.StartAsync(order.Id, technician, null, cancellationToken);
            clock.Now = visit + story.Took;
            if ((await work.CompleteAsync(order.Id, Checked(story.Manager), story.Manager, technician, null, cancellationToken)).Value is not null) done++;
            // The power held from then on: the detector no longer reports the till, and the alert resolves.
            clock.Now = visit + story.Took + TimeSpan.FromMinutes(30);
            detector.Reports = null;
            await alertService.EvaluateAsync(cancellationToken);
        }
        LogTold(done);
    }

    private IEnumerable<Story> Stories() =>
    [
        new(DemoUsers.Colleagues[0], SamStore.Stores[0], SamStore.DisplayName, 9, new TimeSpan(14, 20, 0), new TimeSpan(9, 30, 0), TimeSpan.FromMinutes(55)),
        new(Tia, Tia.Stores[0], inChinese ? "王芳" : "Wang Fang", 23, new TimeSpan(10, 5, 0), new TimeSpan(14, 0, 0), TimeSpan.FromMinutes(50)),
    ];

    /// <summary>The store's last till: away from the sales and power backlogs' tills, which are the chain's first ones.</summary>
    private string? Till(string storeCode) => fleet.All
        .Where(t => t.StoreCode == storeCode && t.TerminalId.StartsWith(DemoChain.TerminalPrefix, StringComparison.Ordinal) && !t.Registration.Decommissioned)
        .OrderBy(t => t.TerminalId, StringComparer.Ordinal).LastOrDefault()?.TerminalId;

    /// <summary>The power checklist passed: the adapter's cable was loose (reseated), readings within limits, signed off by name.</summary>
    private IReadOnlyList<ChecklistAnswer> Checked(string manager) =>
    [
        new("adapter_ok", "true", inChinese ? "适配器电源线松动，已重新插紧并用扎带固定。" : "Adapter cable was loose: reseated and strapped."),
        new("mains_voltage", "226"),
        new("ups_self_test", "true"),
        new("ups_runtime", "18"),
        new("ups_load", "35"),
        new("surge_protection", "true"),
        new("manager_signature", manager),
    ];

    /// <summary>The story's one detector: the till it names is unstable while it names it.</summary>
    private sealed class StoryDetector : IAlertSource
    {
        public AlertCondition? Reports { get; set; }

        public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.UnstablePower };

        public IEnumerable<AlertCondition> Conditions(DateTimeOffset now) => Reports is { } condition ? [condition] : [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo alert work history told: {Done} work orders raised from alerts and done")]
    private partial void LogTold(int done);
}
