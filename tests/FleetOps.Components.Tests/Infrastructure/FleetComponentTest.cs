using FleetOps.Web.Alerts;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Persistence;
using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Fleet;
using FleetOps.Web.Live;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Cases;
using FleetOps.Web.Security;
using FleetOps.Web.Hosting;
using FleetOps.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context (owned, not inherited: MudBlazor's services must be disposed asynchronously, which xUnit only
/// does through <see cref="IAsyncLifetime"/>) with the real singletons the pages inject (fleet, stores, statistics) and a fake clock, so a
/// test builds the fleet it needs directly and moves time by hand (a change after a quiet spell reaches a page at once;
/// the ones after it only when the clock passes the feed's interval, see <see cref="LetLiveRefreshFire"/>).
/// <para>
/// Every test has its own database (<see cref="Database"/>, with the first administrator), the app's identity and
/// access services (<see cref="IdentitySetup.AddFleetIdentity"/>: <see cref="CurrentAccess"/>, <see cref="UserAdministration"/>,
/// <see cref="AuditLog"/>, …) and bUnit's fake authentication, and starts signed in as the administrator. To see a
/// page as someone else, call <see cref="SignInAs(string, IEnumerable{string}?, IEnumerable{string}?)"/> (or
/// <see cref="SignInAsStoreManager"/>, <see cref="SignInAsRegionalManager"/>) before rendering; none of these builds the
/// service provider, so services may still be added afterwards.
/// </para>
/// </summary>
public abstract class FleetComponentTest : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private int _eventSequence;
    private readonly Dictionary<TransactionRecord, TaskCompletionSource> _awaitedRelays = new(ReferenceEqualityComparer.Instance);

    protected FleetComponentTest()
    {
        Clock = new FakeTimeProvider(Start);
        Fleet = new FleetState(Clock, Detection);
        Book = new TransactionBook(Clock, Detection, Fleet);
        Cases = new CaseBook(Clock, NullLogger<CaseBook>.Instance);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(5);
        Services.AddMudServices();
        // The app's languages: pages render in English unless a test calls UseLanguage.
        Services.AddFleetLocalization();
        Services.AddScoped(_ => Languages.Culture(Languages.English));
        Services.AddSingleton(Fleet);
        Services.AddSingleton(Stores);
        Services.AddSingleton(Statistics);
        Services.AddSingleton(Book);
        Services.AddSingleton(Detection);
        RiskHistory = new MoneyAtRiskHistory(Database.Factory, Book, Detection, Clock, NullLogger<MoneyAtRiskHistory>.Instance);
        Services.AddSingleton(RiskHistory);
        RiskHistory.Subscribe(null, NoteRelayed, minInterval: TimeSpan.Zero);
        // The success rate's history (issue 15): open sales from the book; closed ones from the database when asked.
        SaleHistory = new SaleHistory(Database.Factory, Book, Fleet, Stores, Detection, Clock, NullLogger<SaleHistory>.Instance);
        Services.AddSingleton(SaleHistory);

        // Recovery cases: the real book and service on this test's database.
        Services.AddSingleton(Cases);
        Services.AddSingleton<CaseService>();
        Services.AddScoped<TerminalTimeline>();
        Services.AddScoped<CaseFiles>();
        Services.AddSingleton<FleetOps.Core.Reconciliation.NotCreditedBook>(); // the case page shows the report that proves a missing credit
        // The alert centre: the real book, sources and service on this test's database.
        Alerts = new AlertBook(Clock, NullLogger<AlertBook>.Instance);
        Services.AddSingleton(Alerts);
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(AlertOptions));
        Services.AddSingleton<IAlertSource>(sp => new FleetAlertSource(Fleet));
        Services.AddSingleton<IAlertSource>(sp => new MoneyAtRiskAlertSource(Book, Cases));
        Services.AddSingleton<IAlertSource>(sp => new PowerOutageAlertSource(sp.GetRequiredService<PowerIncidents>()));
        Services.AddSingleton<AlertService>();
        // Registration, as the terminal page's administrator actions use it.
        Services.AddSingleton<TerminalKeys>();
        Services.AddSingleton<FleetRegistry>();
        // Registrations are announced to other nodes; with no settings (and SQLite) this node runs alone and announces nothing.
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddSingleton(new FleetOps.Web.Cluster.ClusterOptions());
        Services.AddSingleton<FleetOps.Web.Cluster.ChangeFanOut>();
        Services.AddSingleton<FleetOps.Web.Cluster.ChangeAnnouncer>();
        Services.AddSingleton<FleetOps.Web.Api.SoftwareTargetEditor>();
        Services.AddSingleton<FleetOps.Web.Rollouts.RolloutBook>(); // the terminal page names the rollout that updates the terminal
        // Store power incidents, derived from the fleet and the book above.
        Services.AddSingleton<PowerIncidents>();
        // Maintenance (issue 14): the real book with the shipped checklists, its services on this test's database, photos
        // beside it on disk.
        Maintenance = new MaintenanceBook(Clock, NullLogger<MaintenanceBook>.Instance);
        Maintenance.Load(DefaultChecklists.All, [], []);
        Services.AddSingleton(Maintenance);
        Services.AddSingleton(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Database.Path}" });
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new MaintenanceOptions()));
        Services.AddSingleton<MaintenanceService>();
        Services.AddSingleton<WorkOrderPhotos>();
        Services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        Services.AddScoped<FleetOps.Web.Components.Maintenance.ChecklistDrafts>();
        Services.AddSingleton<PlanService>();
        Services.AddSingleton<CalendarFeeds>();
        Services.AddSingleton<IBookingWording, BookingWording>();
        // The stores' emergency plans (issue 15), read and kept on this test's database.
        Services.AddSingleton<FleetOps.Web.EmergencyPlans.EmergencyPlanService>();
        // Training (issue 15): the real book, rule and targeting on this test's database.
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new FleetOps.Core.Training.TrainingOptions()));
        Services.AddSingleton<FleetOps.Web.Training.TrainingBook>();
        Services.AddSingleton<FleetOps.Web.Training.TrainingAccess>();
        Services.AddSingleton<FleetOps.Web.Training.TrainingService>();
        Services.AddSingleton<FleetOps.Web.Training.TrainingTargets>();

        Users = new TestUsers(Database.Factory, Clock);
        Wait(Users.LoadAsync);
        TestUsers.AddFleetAccess(Services, Database.Factory, Users.Directory, Clock);
        // Last, so bUnit's authentication state provider and authorization service replace the app's.
        Authorization = Context.AddAuthorization();
        SignIn(Users.Administrator);
    }

    protected BunitContext Context { get; } = new();

    /// <summary>Pages render in <paramref name="language"/> from now on (English before; the other tests read English). Builds the services.</summary>
    protected void UseLanguage(CultureInfo language) => Services.GetRequiredService<UiCulture>().Change(language);

    protected BunitServiceProvider Services => Context.Services;

    protected FakeTimeProvider Clock { get; }
    protected DetectionOptions Detection { get; } = new();
    protected FleetState Fleet { get; }

    /// <summary>The open transactions the pages read; publish records into it as the event writer does after a commit.</summary>
    protected TransactionBook Book { get; }

    /// <summary>The money-at-risk history the charts read: closed sales arrive from <see cref="Book"/>; it loads from the database only when asked.</summary>
    protected MoneyAtRiskHistory RiskHistory { get; }
    /// <summary>Sale counts per store and day for the success rate: the book's sales as they arrive; <see cref="SaleHistory.RefreshAsync"/> reads the closed ones from the database.</summary>
    protected SaleHistory SaleHistory { get; }
    protected StoreDirectory Stores { get; } = new();

    /// <summary>The recovery cases the pages read; <see cref="CaseService"/> (from <see cref="Services"/>) writes them.</summary>
    protected CaseBook Cases { get; }

    protected AlertBook Alerts { get; }

    /// <summary>Work orders, plans and checklists as the maintenance pages read them; <see cref="MaintenanceService"/> (from <see cref="Services"/>) writes them.</summary>
    protected MaintenanceBook Maintenance { get; }

    protected FleetOps.Core.Alerts.AlertOptions AlertOptions { get; } = new();

    /// <summary>One evaluation of the alert centre at the clock's time, as the evaluator runs it.</summary>
    protected void EvaluateAlerts() => Wait(() => Services.GetRequiredService<AlertService>().EvaluateAsync());
    /// <summary>Counting since an hour before the test's clock starts, as on a server that has run a while: every minute of the chart is known.</summary>
    protected IngestStatistics Statistics { get; } = new(new FakeTimeProvider(Start - TimeSpan.FromHours(1)));

    protected DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>This test's SQLite database (a copy of a migrated template with the first administrator).</summary>
    protected TempDatabase Database { get; } = new();

    /// <summary>This test's users: the directory the pages consult, and user creation through <see cref="UserAdministration"/>.</summary>
    protected TestUsers Users { get; }

    /// <summary>bUnit's fake authentication; prefer <see cref="SignIn"/> and <see cref="SignOut"/>, which keep it consistent with <see cref="Users"/>.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Who the pages see as signed in (null after <see cref="SignOut"/>).</summary>
    protected UserAccess? SignedInUser { get; private set; }

    /// <summary>
    /// Signs <paramref name="user"/> in, as the cookie would: a principal with the user's id (what <see cref="AccessResolver"/>
    /// looks up in the directory), e-mail as name, and role; bUnit's authorization service grants the
    /// <see cref="AccessPolicies.SignedIn"/> policy, and <see cref="AccessPolicies.Administrator"/> to administrators.
    /// Call before rendering: pages read their scope once.
    /// </summary>
    protected UserAccess SignIn(UserAccess user)
    {
        Authorization.SetRoles(user.Role);
        Authorization.SetPolicies(user.IsAdministrator ? [AccessPolicies.SignedIn, AccessPolicies.Administrator] : [AccessPolicies.SignedIn]);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Email, user.Email));
        Authorization.SetAuthorized(user.Email);
        SignedInUser = user;
        return user;
    }

    /// <summary>Creates a user with this role and scope (through <see cref="UserAdministration"/>) and signs them in.</summary>
    protected UserAccess SignInAs(string role, IEnumerable<string>? regions = null, IEnumerable<string>? stores = null) =>
        SignIn(CreateUser(role, regions, stores));

    protected UserAccess SignInAsAdministrator() => SignIn(Users.Administrator);

    protected UserAccess SignInAsStoreManager(params string[] stores) => SignInAs(Roles.StoreManager, stores: stores);

    protected UserAccess SignInAsRegionalManager(params string[] regions) => SignInAs(Roles.RegionalManager, regions: regions);

    protected UserAccess SignInAsTechnician(params string[] stores) => SignInAs(Roles.Technician, stores: stores);

    /// <summary>Creates a user without signing them in (e.g. for a users page to list).</summary>
    protected UserAccess CreateUser(string role, IEnumerable<string>? regions = null, IEnumerable<string>? stores = null,
        string? email = null, string? displayName = null) =>
        Wait(() => Users.CreateAsync(role, regions, stores, email, displayName));

    /// <summary>Nobody signed in: pages resolve <see cref="FleetOps.Core.Access.AccessScope.Nothing"/>.</summary>
    protected void SignOut()
    {
        Authorization.SetNotAuthorized();
        SignedInUser = null;
    }

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

    /// <summary>
    /// Moves the fake clock on in <paramref name="step"/>s until <paramref name="assertion"/> holds (at most 40 steps). A
    /// debounced box (a search, the store picker) starts its pause timer on the renderer's thread, which on a loaded machine
    /// can come after the test's first step: a single advance then misses it and the test fails for no reason. For the same
    /// reason a step's re-render may miss its 250 ms and the change show a step later: the cap leaves room for that (a
    /// notice due after 18 steps failed at the old cap of 20 with the machine's load at 14–24); no caller bounds the time
    /// from above.
    /// </summary>
    protected void AdvanceUntil<TComponent>(IRenderedComponent<TComponent> cut, Action assertion, TimeSpan step) where TComponent : IComponent
    {
        for (var i = 0; ; i++)
        {
            Clock.Advance(step);
            try
            {
                cut.WaitForAssertion(assertion, TimeSpan.FromMilliseconds(250));
                return;
            }
            catch (Bunit.Extensions.WaitForHelpers.WaitForFailedException) when (i < 39)
            {
            }
        }
    }

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

    /// <summary>
    /// Publishes a committed record to the book, as the event writer does after a commit, and waits until the
    /// money-at-risk history — through which the pages follow the book — has taken it in and passed it on: a page rendered
    /// next sees it whole, as one opened a moment later would, and is not refreshed by it while the test types.
    /// </summary>
    protected void PublishToBook(TransactionRecord record, string storeCode)
    {
        var relayed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaitedRelays) _awaitedRelays[record] = relayed;
        Book.Publish([(record, storeCode)]);
        if (!relayed.Task.Wait(BunitContext.DefaultWaitTimeout)) throw new TimeoutException("The money-at-risk history never relayed the record.");
    }

    private Task NoteRelayed(ChangeBatch<TrackedTransaction> changed)
    {
        lock (_awaitedRelays)
        {
            foreach (var t in changed)
            {
                if (_awaitedRelays.Remove(t.Record, out var relayed)) relayed.TrySetResult();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>A work order made by hand as an administrator would, due <paramref name="dueIn"/> from now (negative: already overdue).</summary>
    protected WorkOrder AddWorkOrder(string storeCode, string title, TimeSpan dueIn, string? terminalId = null,
        string checklist = DefaultChecklists.TerminalInspection, WorkOrderPriority priority = WorkOrderPriority.Normal)
    {
        var draft = new WorkOrderDraft(storeCode, terminalId, title, WorkOrderKind.Inspection, priority, Now + dueIn, checklist);
        var result = Wait(() => Services.GetRequiredService<MaintenanceService>().CreateAsync(draft, MaintenanceActor.Bootstrap, null));
        return result.Value ?? throw new InvalidOperationException(result.Detail);
    }

    /// <summary>Books the work to <paramref name="technician"/> from <paramref name="startsIn"/> for an hour, as a dispatcher does.</summary>
    protected WorkOrder BookWork(WorkOrder order, UserAccess technician, TimeSpan startsIn)
    {
        var result = Wait(() => Services.GetRequiredService<MaintenanceService>()
            .ScheduleAsync(order.Id, technician.Email, Now + startsIn, Now + startsIn + TimeSpan.FromHours(1), MaintenanceActor.Bootstrap, null));
        return result.Value ?? throw new InvalidOperationException(result.Detail);
    }

    protected string NextId() => $"e-{Interlocked.Increment(ref _eventSequence)}";

    /// <summary>
    /// Moves the clock past the live pages' interval, so changes that came after the first one of a quiet spell (which
    /// is delivered at once) reach the pages too. Call it after the changes; then wait for the page to show them.
    /// </summary>
    protected void LetLiveRefreshFire() => Clock.Advance(ChangeFeed<object>.DefaultInterval + TimeSpan.FromMilliseconds(50));

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await Users.DisposeAsync();
        Database.Dispose();
    }

    /// <summary>Runs async set-up from a constructor or a synchronous test, off xUnit's synchronisation context.</summary>
    protected static void Wait(Func<Task> work) => Task.Run(work).GetAwaiter().GetResult();

    protected static T Wait<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    private void Apply(string terminalId, DateTimeOffset receivedAt, TelemetryEvent e)
    {
        var current = Fleet.Get(terminalId) ?? throw new InvalidOperationException($"Register {terminalId} first.");
        Fleet.Publish([current.WithEvents([e], receivedAt, Fleet.PowerHorizon)]);
    }
}
