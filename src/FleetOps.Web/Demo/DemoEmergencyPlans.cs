using FleetOps.Core.Fleet;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Demo;

/// <summary>
/// Emergency plans in the demo (issue 15 item 7), kept through the real service so they are audited like a manager's:
/// the store manager's store has a plan reviewed today; the technician's first store has one last reviewed thirteen months
/// ago, so its page shows the "not reviewed for a year" warning. Stores that already have a plan (a restart) are left alone.
/// </summary>
public sealed partial class DemoEmergencyPlans(EmergencyPlanService plans, FleetDbContextFactory databases, StoreDirectory stores, TimeProvider time,
    bool inChinese, ILogger logger, DemoPeople people)
{
    public async Task TellAsync(CancellationToken cancellationToken)
    {
        var manager = DemoUsers.Accounts.First(a => a.Role == Security.Roles.StoreManager);
        var technician = DemoUsers.Accounts.First(a => a.Role == Security.Roles.Technician);
        // Kept by who would keep them: the store manager their own store's, the administrator the other.
        var fresh = await KeepAsync(manager.Stores[0], technician.DisplayName, people.Actor(manager), cancellationToken);
        var stale = await KeepAsync(technician.Stores[0], technician.DisplayName, people.Administrator, cancellationToken);
        if (stale is not null)
        {
            // As if kept last year: the review reminder is what this store shows.
            var yearAgo = time.GetUtcNow().AddMonths(-13).ToUnixTimeMilliseconds();
            await using var db = databases.CreateDbContext();
            await db.EmergencyPlans.Where(p => p.StoreCode == stale).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewedAtMs, yearAgo)
                .SetProperty(p => p.UpdatedAtMs, yearAgo), cancellationToken);
        }
        LogTold(fresh, stale);
    }

    /// <returns>The store's code when a plan was kept for it now; null when it had one already or is not in the demo.</returns>
    private async Task<string?> KeepAsync(string storeCode, string technicianName, MaintenanceActor actor, CancellationToken cancellationToken)
    {
        if (stores.Get(storeCode) is null || (await plans.ReadAsync(storeCode, MaintenanceActor.Bootstrap, cancellationToken))?.IsSaved != false) return null;
        var draft = new EmergencyPlanDraft(
            new EmergencyContact(inChinese ? "银联商务商户服务热线" : "UnionPay Merchant Services", "95516"),
            new EmergencyContact(technicianName, "+86 138 0013 8000"),
            new EmergencyContact(inChinese ? "物业电工 王师傅" : "Mr Wang, building electrician", "021-6888-0000"),
            [new EmergencyContact(inChinese ? "区域经理" : "Regional manager", "+86 139 0000 1234")],
            inChinese ? "收银台下方柜子内" : "In the cabinet under the checkout",
            inChinese ? "店长办公室保险柜，已充满电" : "Manager's office safe, kept charged",
            inChinese ? "无" : null,
            null);
        var result = await plans.SaveAsync(storeCode, draft, actor, null, cancellationToken);
        return result.Value?.StoreCode;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo emergency plans kept: reviewed today {Fresh}, not reviewed for a year {Stale}")]
    private partial void LogTold(string? fresh, string? stale);
}
