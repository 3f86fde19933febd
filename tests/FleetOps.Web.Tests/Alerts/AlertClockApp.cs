using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// One app on a fake clock (starting at the real time, so event timestamps pass the ingest checks) for the alert tests,
/// which share it one after another; each test works in stores of its own. Evaluations are asked for by the tests, so
/// each sees exactly the moment it set.
/// </summary>
public class AlertClockApp : FleetOpsApp
{
    public AlertClockApp() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>For an app on the same clock with settings of its own (<c>MailClockApp</c>: an SMTP server).</summary>
    protected AlertClockApp(IReadOnlyDictionary<string, string?> settings)
        : base(new FleetOpsAppOptions { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow), Settings = settings })
    {
    }

    /// <summary>Long enough without a heartbeat for a terminal to be offline.</summary>
    public static readonly TimeSpan PastOffline = TimeSpan.FromSeconds(200);

    public DateTimeOffset Now() => Clock!.GetUtcNow();

    /// <summary>A new terminal (in a new store, or in <paramref name="store"/>) heard once, then silent until its offline alert opened.</summary>
    public async Task<(string Store, string TerminalId, string Key)> OfflineTerminalAsync(string? store = null)
    {
        store ??= await this.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await OfflineTerminalAsync(this, store);
        return (store, terminal, key);
    }

    /// <summary>The same on any app with a fake clock (one on PostgreSQL).</summary>
    public static async Task<(string TerminalId, string Key)> OfflineTerminalAsync(FleetOpsApp app, string store)
    {
        var (terminal, key) = await app.NewTerminalAsync(store);
        await app.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), app.Clock!.GetUtcNow()));
        await AdvanceAndEvaluateAsync(app, PastOffline);
        return (terminal, key);
    }

    /// <summary>
    /// Moves the clock on (days in a jump, <see cref="ClockJump"/>), lets time change the fleet (offline, power windows) and
    /// evaluates the alerts.
    /// </summary>
    public Task AdvanceAndEvaluateAsync(TimeSpan by) => AdvanceAndEvaluateAsync(this, by);

    /// <summary>The same on any app with a fake clock.</summary>
    public static async Task AdvanceAndEvaluateAsync(FleetOpsApp app, TimeSpan by)
    {
        app.Clock!.JumpBy(by);
        app.GetService<FleetState>().Sweep(includePower: true);
        await app.GetService<AlertService>().EvaluateAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AlertClockCollection : ICollectionFixture<AlertClockApp>
{
    public const string Name = "Alerts on a fake clock";
}
