using Bunit;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context (owned, not inherited: MudBlazor's services must be disposed asynchronously, which xUnit only
/// does through <see cref="IAsyncLifetime"/>) with the real singletons the pages inject (fleet, stores, statistics) and a fake clock, so a
/// test builds the fleet it needs directly and moves time by hand (live refresh timers only fire on Advance).
/// </summary>
public abstract class FleetComponentTest : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private int _eventSequence;

    protected FleetComponentTest()
    {
        Clock = new FakeTimeProvider(Start);
        Fleet = new FleetState(Clock, Detection);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(5);
        Services.AddMudServices();
        Services.AddSingleton(Fleet);
        Services.AddSingleton(Stores);
        Services.AddSingleton(Statistics);
        Services.AddSingleton<TimeProvider>(Clock);
    }

    protected BunitContext Context { get; } = new();

    protected BunitServiceProvider Services => Context.Services;

    protected FakeTimeProvider Clock { get; }
    protected DetectionOptions Detection { get; } = new();
    protected FleetState Fleet { get; }
    protected StoreDirectory Stores { get; } = new();
    protected IngestStatistics Statistics { get; } = new();

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent => Context.Render(parameters);

    /// <summary>Renders a page as if opened at <paramref name="relativeUri"/> (query-string parameters come from the URI).</summary>
    protected IRenderedComponent<TComponent> RenderAt<TComponent>(string relativeUri, Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
        return Context.Render(parameters);
    }

    /// <summary>What the user reads: the text of everything rendered, without markup.</summary>
    protected static string TextOf(IRenderedComponent<IComponent> cut) => string.Concat(cut.Nodes.Select(n => n.TextContent));

    /// <summary>Renders the popover provider MudBlazor's selects need (what MainLayout does in the app).</summary>
    protected void RenderPopoverProvider() => Context.Render<MudPopoverProvider>();

    protected StoreInfo AddStore(string code, string region = "East")
    {
        var store = new StoreInfo(code, $"Store {code}", region, "Asia/Shanghai");
        Stores.Put(store);
        return store;
    }

    /// <summary>Registers terminals that were never heard from.</summary>
    protected void Register(string storeCode, params string[] terminalIds) => RegisterModel(storeCode, "A920", terminalIds);

    protected void RegisterModel(string storeCode, string model, params string[] terminalIds)
    {
        foreach (var id in terminalIds) Fleet.Register(new TerminalRegistration(id, storeCode, model, $"SN-{id}"));
    }

    /// <summary>A heartbeat received <paramref name="ago"/> before now (the event writer's publish, without the database).</summary>
    protected void Heartbeat(string terminalId, TimeSpan? ago = null, string appVersion = "3.2.1", string firmwareVersion = "1.8.0",
        string bootId = "boot-1", PowerSource powerSource = PowerSource.Mains)
    {
        var at = Now - (ago ?? TimeSpan.Zero);
        Apply(terminalId, at, new HeartbeatEvent(NextId(), at, bootId, 3600, appVersion, firmwareVersion, powerSource, 95));
    }

    /// <summary>A terminal last heard from long enough ago to be offline.</summary>
    protected void HeardLongAgo(string terminalId) => Heartbeat(terminalId, Detection.OfflineAfter + TimeSpan.FromMinutes(5));

    protected PowerEvent PowerLoss(string terminalId, TimeSpan? ago = null, PowerState state = PowerState.Lost)
    {
        var at = Now - (ago ?? TimeSpan.Zero);
        var e = new PowerEvent(NextId(), at, state);
        Apply(terminalId, Now, e);
        return e;
    }

    /// <summary>Publishes several terminals' new snapshots in one batch, as the event writer does after one commit.</summary>
    protected void PublishBatch(params (string TerminalId, TelemetryEvent Event)[] events)
    {
        var snapshots = events.GroupBy(e => e.TerminalId)
            .Select(g => Fleet.Get(g.Key)!.WithEvents(g.Select(e => e.Event), Now, Fleet.PowerHorizon))
            .ToList();
        Fleet.Publish(snapshots);
    }

    protected string NextId() => $"e-{Interlocked.Increment(ref _eventSequence)}";

    /// <summary>Moves the clock past the live refresh throttle, so pages that follow the fleet re-render.</summary>
    protected void LetLiveRefreshFire() => Clock.Advance(LiveRefresh.Interval + TimeSpan.FromMilliseconds(50));

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();

    private void Apply(string terminalId, DateTimeOffset receivedAt, TelemetryEvent e)
    {
        var current = Fleet.Get(terminalId) ?? throw new InvalidOperationException($"Register {terminalId} first.");
        Fleet.Publish([current.WithEvents([e], receivedAt, Fleet.PowerHorizon)]);
    }
}
