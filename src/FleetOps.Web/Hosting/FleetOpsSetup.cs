using System.Text.Json;
using System.Text.Json.Serialization;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Alerts;
using FleetOps.Web.Api;
using FleetOps.Web.Background;
using FleetOps.Web.Cases;
using FleetOps.Web.Components;
using FleetOps.Web.Demo;
using FleetOps.Web.Election;
using FleetOps.Web.Fleet;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Live;
using FleetOps.Web.Notifications;
using FleetOps.Web.Localization;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Persistence;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;
using Serilog;

namespace FleetOps.Web.Hosting;

/// <summary>Everything Program.cs wires, in one place, grouped by concern.</summary>
public static class FleetOpsSetup
{
    public static WebApplicationBuilder AddFleetOps(this WebApplicationBuilder builder)
    {
        // Serve framework and MudBlazor assets from their packages when running from a build (not a publish),
        // in every environment; the README's command runs in Production. A published app has no manifest: no-op.
        builder.WebHost.UseStaticWebAssets();
        var configuration = builder.Configuration;
        var services = builder.Services;

        builder.Services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            // A line per readiness probe: ReadinessLog says a failing check once, once a minute and when it is back.
            .MinimumLevel.Override(ReadinessLog.FrameworkCategory, Serilog.Events.LogEventLevel.Fatal)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(StartFailure.IsHostReport));

        // Every settings section is bound and checked there; these few shape the wiring below.
        var settings = services.AddFleetSettings(configuration);
        var database = settings.Database;
        var detection = settings.Detection;
        var limits = settings.RateLimits;
        services.TryAddTimeProvider();

        // Domain state, in memory, one instance per process.
        services.AddSingleton<FleetDbContextFactory>();
        services.AddSingleton<SqliteServerLock>(); // one server per SQLite file, held from the start (StartupInitializer)
        services.AddSingleton<FleetState>(sp => new FleetState(sp.GetRequiredService<TimeProvider>(), detection, sp.GetRequiredService<ILogger<FleetState>>()));
        services.AddSingleton<StoreDirectory>();
        services.AddSingleton<TransactionBook>(sp => new TransactionBook(sp.GetRequiredService<TimeProvider>(), detection,
            sp.GetRequiredService<FleetState>(), sp.GetRequiredService<ILogger<TransactionBook>>()));
        services.AddSingleton<TerminalKeys>();
        services.AddSingleton<IngestStatistics>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubGroups>();
        services.AddSingleton<FleetRegistry>();
        services.AddSingleton<SoftwareTargetEditor>();
        services.AddSingleton<OnboardingImport>();
        services.AddSingleton<FleetStateLoader>();
        services.AddScoped<TerminalTimeline>();
        services.AddSingleton<CaseBook>();
        // The alert centre (issue 12): one book, one service, one evaluator; each detector is an IAlertSource.
        services.AddSingleton<AlertBook>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<IAlertSource, FleetAlertSource>();
        services.AddSingleton<IAlertSource, MoneyAtRiskAlertSource>();
        services.AddSingleton<IAlertSource, PowerOutageAlertSource>();
        services.AddSingleton<IAlertSource, SoftwareAlertSource>();
        // Power (issue 12): store power incidents, derived from the fleet on each read.
        services.AddSingleton<PowerIncidents>();
        // Thresholds an administrator changed live (issue 12): loaded by StartupInitializer, re-read by ThresholdRefresh.
        services.AddSingleton<FleetOps.Web.Settings.ThresholdSettings>();
        services.AddWebhooks();
        services.AddSingleton<CaseService>();
        services.AddScoped<CaseFiles>();
        // Acquirer reconciliation (issue 16): the proofs of not-credited sales (loaded with the book), the import service.
        services.AddSingleton<FleetOps.Core.Reconciliation.NotCreditedBook>();
        services.AddSingleton<ReconciliationService>();

        // Order matters: the database is migrated and the fleet loaded before anything else starts.
        services.AddHostedService<StartupInitializer>();
        services.AddSingleton<TelemetryDerivation>();
        services.AddSingleton<EventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
        // Several nodes (issue 17): other nodes' commits reach this node's memory (its cursor is set by StartupInitializer).
        services.AddSingleton<FleetOps.Web.Cluster.ChangeFanOut>();
        services.AddSingleton<FleetOps.Web.Cluster.ChangeAnnouncer>();
        services.AddSingleton<ChangeFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFollower>());
        services.AddBookFollowers();
        services.AddHostedService<WalCheckpointer>(); // SQLite: bounds the write-ahead log when readers keep it from rewinding
        services.AddHostedService<FleetClock>();
        services.AddHostedService<ListeningRecorder>(); // when nobody listened, for the next start (FleetOps.Core.Fleet.ListeningHistory)
        services.AddElection(configuration, database); // before every service whose work only the leader does
        services.AddHostedService<CaseAutoResolver>();
        services.AddRollouts(); // after the fleet is loaded, before the alert evaluator's first look at halted rollouts
        services.AddMaintenance(); // likewise: overdue work is judged from the loaded book
        services.AddTraining(); // likewise: overdue training is judged from the loaded rosters
        services.AddSingleton<FleetOps.Web.EmergencyPlans.EmergencyPlanService>();
        services.AddSingleton<FleetOps.Web.Reconciliation.ReportProfiles>();
        services.AddSingleton<FleetOps.Web.Reconciliation.ReconciliationFigures>();
        // After StartupInitializer: the first evaluation must see the loaded fleet and the loaded alerts, or it would open
        // a second alert for a subject that already has one.
        services.AddHostedService<AlertEvaluator>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        services.AddHostedService(sp => sp.GetRequiredService<TokenExpiryMailer>()); // after the users and tokens are loaded
        services.AddHostedService<FleetHubBroadcaster>();
        services.AddHostedService<HeartbeatRetention>();
        services.AddHostedService<HeapTrimmer>(); // gives a load's peak memory back once the server is quiet
        services.AddHostedService<FleetOps.Web.Settings.ThresholdRefresh>();
        services.AddSingleton<MoneyAtRiskHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<MoneyAtRiskHistory>());
        services.AddSingleton<SaleHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<SaleHistory>());
        services.AddHostedService<DemoChain>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            EchoedCardNumbers.Remove(context);
            UnsupportedMediaTypeDetail.Fill(context);
            ProblemDetailText.Localize(context);
        });
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>(); // after the default writer: for clients that ask for no JSON
        // A body or parameter the endpoint cannot bind reaches BadRequestProblems, which says which field and why (outside
        // Development minimal APIs would answer a bare 400).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        services.ConfigureHttpJsonOptions(o =>
        {
            ConfigureJson(o.SerializerOptions);
            // Request bodies: the contract's timestamp rule, and dates and moments within the calendar the filters keep.
            o.SerializerOptions.Converters.Add(new OffsetTimestampConverter());
            o.SerializerOptions.Converters.Add(new CalendarDateConverter());
            // {"role":"viewer","role":"administrator"} meant whichever a reader took (last wins by default): refused instead.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddTelemetryRateLimit(limits);
        services.AddFleetIdentity();
        services.AddTerminalKeyAuthentication();
        services.AddFleetDataProtection(settings.KeyProtection, database);
        services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton<ReadinessLog>();
        services.AddCluster(settings.Cluster); // Redis backplane and user changes across nodes, when configured
        services.AddApiReference();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddFleetLocalization();
        return builder;
    }

    /// <summary>A browser's navigation (it asks for HTML) outside the API and the exports.</summary>
    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/export")
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Serilog's levels (Error for a 5xx or an exception, else Information), except that an answer telling the client when to
    /// come back (Retry-After: a 503 while the database does not take telemetry) is Information: its cause is logged where it
    /// happens, once (the event writer), and at Error every terminal's every retry during an outage was a line of its own.
    /// </summary>
    private static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is null && (context.Response.StatusCode < 500 || context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.RetryAfter))
            ? Serilog.Events.LogEventLevel.Information
            : Serilog.Events.LogEventLevel.Error;

    public static WebApplication UseFleetOps(this WebApplication app)
    {
        // Behind a balancer on this machine (scripts/cluster.sh) the client's address comes in X-Forwarded-For: without it
        // every sign-in would count against the balancer's one address. Only loopback proxies are believed (the default).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        // Method, path, status and time only: request bodies are never logged. Outside the exception handler, so a request it
        // answers (a body that cannot be bound, BadRequestProblems) is logged with the status sent, not as a 500 with the
        // exception — whose message can quote the value sent, which may be a card number.
        app.UseSerilogRequestLogging(o => o.GetLevel = RequestLogLevel);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A browser asking for a page nothing answers gets the app's own "no such page" (status 404 kept); API clients,
        // and everything else, the problem document above. Inside it on purpose: the inner one answers first.
        app.UseWhen(IsPageRequest, pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        if (HttpsEndpoint.IsConfigured(app.Configuration))
        {
            app.UseHsts(); // never for localhost names: a developer's browser would then refuse http://localhost
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        // Routing after the site's own files: the repository's wwwroot/ sits outside the project, so the build's asset
        // manifest does not list it, and when routing ran first the static-asset endpoints claimed those requests and
        // warned "not found in the built time manifest" on every page view. Package assets (_framework, MudBlazor)
        // still come from the manifest's endpoints.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLocalization(); // after authentication: a signed-in user's own choice comes first
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapTelemetryApi();
        app.MapManagementApi();
        app.MapUsersApi();
        app.MapTokensApi();
        app.MapOnboardingApi();
        app.MapAccountApi();
        app.MapLanguageApi();
        app.MapExports();
        app.MapTransactionsApi();
        app.MapReconciliationApi();
        app.MapSuccessRateApi();
        app.MapAlertsApi();
        app.MapPowerApi();
        app.MapSoftwareApi();
        app.MapWebhooksApi();
        app.MapDetectionSettingsApi();
        app.MapMailApi();
        app.MapRolloutsApi();
        app.MapMaintenanceApi();
        app.MapTrainingApi();
        app.MapEmergencyPlanApi();
        app.MapReportProfilesApi();
        app.MapReconciliationFiguresApi();
        app.MapNodeApi();
        app.MapHub<FleetHub>(FleetHub.Path);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"), ResponseWriter = app.Services.GetRequiredService<ReadinessLog>().WriteAsync,
        });
        app.MapApiReference();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        // Names only (PROTOCOL: enumeration values are lower snake_case strings): a number would bind to a member that does
        // not exist ("kind": 42) and fail later, where its wire name is asked for.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Everything the site loads comes from itself (no CDN: the sites may have no internet). MudBlazor sets
        // inline styles, hence 'unsafe-inline' for styles only. The API reference page brings its own inline
        // scripts and is left without a policy.
        if (!context.Request.Path.StartsWithSegments("/api/reference"))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self'";
        }
        await next();
    });
}
