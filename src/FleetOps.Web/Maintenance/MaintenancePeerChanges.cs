using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Applies other nodes' maintenance changes (<see cref="BookKinds.WorkOrder"/>, <see cref="BookKinds.MaintenancePlan"/>) to
/// this node's <see cref="MaintenanceBook"/>: the named rows, and every row the book does not hold yet (a generated or new
/// one whose id the notice could not carry), re-read under the book's gate so a change made here meanwhile is not undone.
/// </summary>
public sealed class MaintenancePeerChanges(FleetDbContextFactory databases, MaintenanceBook book)
{
    public async Task ApplyOrdersAsync(BookChange change, CancellationToken cancellationToken)
    {
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var orders = await MaintenanceRows.LoadChangedOrdersAsync(db, change.Ids, id => book.Get(id) is not null, cancellationToken);
            if (orders.Count > 0) book.Put([.. orders]);
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>Plans and checklist templates are few: all are read, the named and new plans and the new template versions taken.</summary>
    public async Task ApplyPlansAsync(BookChange change, CancellationToken cancellationToken)
    {
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var (templates, plans, _) = await MaintenanceRows.LoadAllAsync(db, cancellationToken, withOrders: false);
            foreach (var template in templates.Where(t => book.Template(t.Key, t.Version) is null)) book.PutTemplate(template);
            foreach (var plan in plans.Where(p => change.Ids.Contains(p.Id) || book.Plan(p.Id) is null)) book.PutPlan(plan);
        }
        finally
        {
            book.Gate.Release();
        }
    }
}
