using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Simulator;
using FleetOps.Web.Alerts;
using FleetOps.Web.Cases;
using FleetOps.Web.Fleet;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Localization;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Demo;

/// <summary>
/// Seeds a demo retail chain on first start and then drives it with the simulator over the real HTTP
/// API, so a newcomer sees a live fleet (and the ingestion path is exercised end to end). Terminal keys
/// are stored hashed only, so at every start the demo issues its terminals fresh keys. At every start it also
/// writes a small late backlog (<see cref="DemoBacklog"/>) so the unsettled worklist shows each reason at once, and the
/// power stories (<see cref="DemoPowerBacklog"/>) so the power page shows an unstable till, a store outage and a weak battery,
/// and the alert centre shows alerts in every state (<see cref="DemoAlertStories"/>). Before them it tells the alert work
/// done in the past weeks (<see cref="DemoAlertWorkHistory"/>), so the maintenance KPIs' alert → done has a figure.
/// </summary>
public sealed partial class DemoChain(
    IOptions<DemoOptions> options,
    IOptions<LanguageOptions> language,
    FleetRegistry registry,
    FleetState fleet,
    StoreDirectory stores,
    FleetDbContextFactory databases,
    TerminalKeys keys,
    EventWriter writer,
    CaseService cases,
    FleetOps.Web.Reconciliation.ReconciliationService reconciliation,
    AlertService alerts,
    AlertBook alertBook,
    FleetOps.Web.Maintenance.MaintenanceService maintenance,
    FleetOps.Web.Maintenance.PlanService plans,
    FleetOps.Web.Maintenance.MaintenanceBook maintenanceBook,
    FleetOps.Web.Training.TrainingService training,
    FleetOps.Web.Training.TrainingBook trainingBook,
    IServer server,
    IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopes,
    Security.UserDirectory users,
    TimeProvider time,
    ILogger<DemoChain> logger) : BackgroundService
{
    public const string TerminalPrefix = "DEMO-";

    /// <summary>The acquirer of every demo store: the name its settlement reports are imported under.</summary>
    public const string DemoAcquirer = "unionpay";
    private static readonly string[] Models = ["A920", "V400m", "Move5000"];

    /// <summary>Each city in English and Chinese: a chain set up for Chinese staff (FleetOps:DefaultCulture zh-CN) names its stores in Chinese.</summary>
    private static readonly (string Region, string ChineseRegion, string City, string ChineseCity, string Code, string Zone)[] Cities =
    [
        ("East", "华东", "Shanghai", "上海", "SHA", "Asia/Shanghai"), ("East", "华东", "Hangzhou", "杭州", "HGH", "Asia/Shanghai"),
        ("East", "华东", "Nanjing", "南京", "NKG", "Asia/Shanghai"),
        ("North", "华北", "Beijing", "北京", "PEK", "Asia/Shanghai"), ("North", "华北", "Tianjin", "天津", "TSN", "Asia/Shanghai"),
        ("South", "华南", "Guangzhou", "广州", "CAN", "Asia/Shanghai"), ("South", "华南", "Shenzhen", "深圳", "SZX", "Asia/Shanghai"),
        ("West", "西南", "Chengdu", "成都", "CTU", "Asia/Shanghai"), ("West", "西南", "Chongqing", "重庆", "CKG", "Asia/Shanghai"),
    ];

    private bool InChinese => language.Value.DefaultCulture == SupportedCultures.Chinese;

    /// <summary>A region of the table as this chain names it ("East" or "华东"), for the demo users' scopes.</summary>
    private string RegionName(string region) =>
        InChinese ? Cities.FirstOrDefault(c => c.Region == region).ChineseRegion ?? region : region;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        await SeedAsync(settings, stoppingToken);
        await SeedUsersAsync();
        await WriteBacklogAsync(stoppingToken); // before waiting for an address: it needs none

        // The simulator talks HTTP to this very server, so it waits until Kestrel listens.
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        var baseAddress = LocalAddress();
        if (baseAddress is null)
        {
            LogNoAddress();
            return;
        }
        var terminals = await IssueKeysAsync(stoppingToken);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var simulation = new FleetSimulation(http, terminals, new SimulationOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(settings.HeartbeatSeconds),
            // Each interrupted sale is a power loss; the simulator's default would make the whole demo
            // fleet "unstable". This rate gives a handful of interrupted sales an hour across the chain.
            InterruptedTransactionShare = 0.0015,
        }, time, message => LogSimulator(message));
        LogStarted(terminals.Count, baseAddress);
        try
        {
            await simulation.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SeedAsync(DemoOptions settings, CancellationToken cancellationToken)
    {
        if (fleet.All.Any(t => t.TerminalId.StartsWith(TerminalPrefix, StringComparison.Ordinal))) return;
        for (var s = 0; s < settings.Stores; s++)
        {
            var city = Cities[s % Cities.Length];
            var code = $"{city.Code}-{s + 1:000}";
            if (stores.Get(code) is null)
            {
                var number = s / Cities.Length + 1;
                // Every demo store is a UnionPay merchant (a 15-digit merchant id, as UnionPay writes them), so that
                // settlement reports can name its sales (PROTOCOL §11).
                var merchantId = $"898{310040000000 + s:D12}";
                var store = InChinese
                    ? new StoreInfo(code, $"{city.ChineseCity}{number}号店", city.ChineseRegion, city.Zone, DemoAcquirer, merchantId)
                    : new StoreInfo(code, $"{city.City} #{number}", city.Region, city.Zone, DemoAcquirer, merchantId);
                await registry.AddStoreAsync(store, cancellationToken);
            }
        }
        var storeCodes = stores.All.Select(s => s.Code).Take(settings.Stores).ToList();
        for (var t = 0; t < settings.Terminals; t++)
        {
            var registration = new TerminalRegistration($"{TerminalPrefix}{t + 1:0000}", storeCodes[t % storeCodes.Count],
                Models[t * 7 % Models.Length], $"SN{20250000 + t * 37:00000000}", AcquirerTerminalId: $"{88000001 + t}");
            await registry.AddTerminalAsync(registration, cancellationToken);
        }
        var defaults = new SimulationOptions();
        foreach (var model in Models)
        {
            await registry.SetTargetAsync(new SoftwareTarget(model, defaults.CurrentAppVersion, defaults.CurrentFirmwareVersion, "3.0.0"), cancellationToken);
        }
        LogSeeded(storeCodes.Count, settings.Terminals);
    }

    private async Task SeedUsersAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<FleetUser>>();
        var administration = scope.ServiceProvider.GetRequiredService<Security.UserAdministration>();
        foreach (var account in DemoUsers.Accounts.Concat(DemoUsers.Colleagues))
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;
            await administration.CreateAsync(new Security.UserDraft(account.Email, account.DisplayName, account.Role,
                account.Regions.Select(RegionName).ToArray(), account.Stores),
                DemoUsers.Password, "demo");
        }
        LogAccounts(string.Join(", ", DemoUsers.Accounts.Select(a => a.Email)), DemoUsers.Password);
    }

    private async Task WriteBacklogAsync(CancellationToken cancellationToken)
    {
        try
        {
            var people = new DemoPeople(users);
            using var scope = scopes.CreateScope();
            // Alert work done in the past first: its alert service resolves the unstable-power alerts its one detector does
            // not report, and before the power backlog there are none.
            await new DemoAlertWorkHistory(scope.ServiceProvider, maintenanceBook, alertBook, fleet, stores, people, time, InChinese, logger)
                .TellAsync(cancellationToken);
            // Power next: the sales backlog ends with its example case, which tests take as "the backlog is in".
            var stories = new DemoAlertStories(alerts, alertBook, fleet, time, InChinese, logger);
            var power = await new DemoPowerBacklog(writer, fleet, time, logger).WriteAsync(cancellationToken, stories.EvaluateAsync);
            await new DemoBacklog(writer, fleet, time, logger, cases, InChinese).WriteAsync(cancellationToken);
            await stories.TellAsync(power, cancellationToken);
            // The past before the present: the history's plans then generate their coming visits like the story's plan.
            await new DemoMaintenanceHistory(scope.ServiceProvider, maintenanceBook, stores, people, time, InChinese, logger).TellAsync(cancellationToken);
            await new DemoMaintenanceStories(maintenance, plans, maintenanceBook, alertBook, fleet, stores, time, InChinese, logger, people.Administrator)
                .TellAsync(power, cancellationToken);
            await new DemoTrainingStories(training, trainingBook, writer, fleet, stores, time, InChinese, logger, people.Administrator).TellAsync(cancellationToken);
            await new DemoSettlementReport(writer, fleet, stores, reconciliation, cases, databases, time, logger).TellAsync(cancellationToken);
            await new DemoEmergencyPlans(scope.ServiceProvider.GetRequiredService<EmergencyPlans.EmergencyPlanService>(), databases, stores, time,
                InChinese, logger, people).TellAsync(cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            LogBacklogFailed(ex); // the demo goes on without it; the next start tries again
        }
    }

    /// <summary>New keys for all demo terminals, in one transaction; the simulator is their only holder.</summary>
    private async Task<IReadOnlyList<SimulatedTerminal>> IssueKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.Terminals.Where(t => t.TerminalId.StartsWith(TerminalPrefix) && !t.Decommissioned).ToListAsync(cancellationToken);
        var issued = new List<SimulatedTerminal>(rows.Count);
        foreach (var row in rows)
        {
            var key = TerminalKeys.NewKey();
            row.KeyHash = TerminalKeys.Hash(key);
            issued.Add(new SimulatedTerminal(row.TerminalId, row.StoreCode, row.Model, key));
        }
        await db.SaveChangesAsync(cancellationToken);
        keys.SetMany(rows.Select(r => (r.TerminalId, r.KeyHash)).ToList());
        return issued;
    }

    private Uri? LocalAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
        if (uri.Host == "localhost") uri.Host = "127.0.0.1";
        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo chain seeded: {Stores} stores, {Terminals} terminals")]
    private partial void LogSeeded(int stores, int terminals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo simulator drives {Terminals} terminals against {Address}")]
    private partial void LogStarted(int terminals, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo simulator not started: the server has no address")]
    private partial void LogNoAddress();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo sign-in: {Accounts} with password {Password} (demo only; turn the demo off in production)")]
    private partial void LogAccounts(string accounts, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo backlog not written")]
    private partial void LogBacklogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulator: {Message}")]
    private partial void LogSimulator(string message);
}
