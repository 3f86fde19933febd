namespace FleetOps.Web.Tests.Architecture;

/// <summary>
/// Which namespace may use which. An area is a folder of FleetOps.Web or FleetOps.Core (all of Components is one
/// area, the migrations belong to Persistence). An area may use the areas of its own layer and of the layers below;
/// within a layer the cycle test keeps the uses one-way.
/// </summary>
internal static class Layering
{
    public static readonly IReadOnlyList<(string Name, string[] Areas)> Layers =
    [
        ("wiring", ["Web.Hosting"]),
        ("pages", ["Web.Components"]),
        ("demo", ["Web.Demo"]),
        ("doors: HTTP and SignalR endpoints, the event writer, the file imports, languages", ["Web.Api", "Web.Ingestion", "Web.Live", "Web.Onboarding", "Web.Reconciliation", "Web.Localization", "Web.Notifications"]),
        ("services over memory and the database", ["Web.Alerts", "Web.Background", "Web.Cases", "Web.Cluster", "Web.Election", "Web.EmergencyPlans", "Web.Fleet", "Web.Maintenance", "Web.Rollouts", "Web.Security", "Web.Settings", "Web.Training"]),
        ("schema: rows, configurations, stored JSON", ["Web.Persistence"]),
        ("core: people, cases, maintenance, training, reconciliation and alerts", ["Core.Access", "Core.Cases", "Core.Maintenance", "Core.Training", "Core.Reconciliation", "Core.Alerts"]),
        ("core: transactions, rollouts", ["Core.Transactions", "Core.Rollouts"]),
        ("core: fleet state", ["Core.Fleet"]),
        ("core: rules and events", ["Core.Detection", "Core.Telemetry"]),
        ("core: text, wire names, settings, change feeds", ["Core.Text", "Core.Wire", "Core.Settings", "Core.Live"]),
    ];

    /// <summary>"FleetOps.Web.Components.Pages" → "Web.Components"; null for anything outside Web and Core.</summary>
    public static string? AreaOf(string ns)
    {
        var parts = ns.Split('.');
        if (parts.Length < 2 || parts[0] != "FleetOps" || parts[1] is not ("Web" or "Core")) return null;
        return parts.Length == 2 ? parts[1] : parts[1] + "." + parts[2];
    }

    /// <summary>The index of the area's layer (0 = top), or null for an area nobody has placed yet.</summary>
    public static int? LayerOf(string area)
    {
        for (var i = 0; i < Layers.Count; i++)
        {
            if (Layers[i].Areas.Contains(area)) return i;
        }
        return null;
    }
}
