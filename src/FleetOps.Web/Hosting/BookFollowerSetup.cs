using FleetOps.Web.Alerts;
using FleetOps.Web.Cases;
using FleetOps.Web.Cluster;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Settings;
using FleetOps.Web.Training;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Several nodes (issue 17): how each in-memory book applies another node's change of it. The change follower dispatches
/// each <c>NodeChanges</c> row by its kind to one of these; alone (SQLite, or no cluster) none is ever called.
/// </summary>
public static class BookFollowerSetup
{
    public static IServiceCollection AddBookFollowers(this IServiceCollection services)
    {
        services.AddSingleton<MaintenancePeerChanges>();
        services.AddSingleton<TrainingPeerChanges>();
        Follow<CaseService>(services, BookKinds.Case, s => s.ApplyFromPeerAsync);
        Follow<AlertService>(services, BookKinds.Alert, s => s.ApplyFromPeerAsync);
        Follow<AlertService>(services, BookKinds.Mute, s => s.ApplyMutesFromPeerAsync);
        Follow<ThresholdSettings>(services, BookKinds.Threshold, s => (_, cancellationToken) => s.RefreshAsync(cancellationToken));
        Follow<MaintenancePeerChanges>(services, BookKinds.WorkOrder, s => s.ApplyOrdersAsync);
        Follow<MaintenancePeerChanges>(services, BookKinds.MaintenancePlan, s => s.ApplyPlansAsync);
        Follow<RolloutService>(services, BookKinds.Rollout, s => s.ApplyFromPeerAsync);
        Follow<TrainingPeerChanges>(services, BookKinds.TrainingStaff, s => s.ApplyStaffAsync);
        Follow<TrainingPeerChanges>(services, BookKinds.TrainingSession, s => s.ApplySessionsAsync);
        Follow<ReconciliationService>(services, BookKinds.Reconciliation, s => s.ApplyFromPeerAsync);
        return services;
    }

    private static void Follow<TService>(IServiceCollection services, string kind, Func<TService, Func<BookChange, CancellationToken, Task>> apply)
        where TService : notnull =>
        // Resolved at the first change, not when the follower is built (at start-up, before the books are loaded).
        services.AddSingleton(sp => new BookFollower(kind, (change, cancellationToken) => apply(sp.GetRequiredService<TService>())(change, cancellationToken)));
}
