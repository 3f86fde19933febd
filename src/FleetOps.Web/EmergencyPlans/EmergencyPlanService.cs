using System.Text.Json;
using FleetOps.Core.Fleet;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.EmergencyPlans;

/// <summary>
/// Reads and keeps stores' emergency plans for the page and the API: one access rule, one check, one audit line per save.
/// Plans are read from the database on each request and kept nowhere else — a person opens one now and then, so there
/// is no in-memory copy to fall behind. Saves are serialised (human speed: two managers saving at once must not both win).
/// </summary>
public sealed class EmergencyPlanService(FleetDbContextFactory databases, StoreDirectory stores, MaintenanceBook maintenance, UserDirectory users,
    TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Whether the store exists for this person at all (otherwise it is answered like a missing one).</summary>
    public bool MaySee(string storeCode, MaintenanceActor actor) => stores.Get(storeCode) is not null && actor.Scope.AllowsStore(storeCode, stores);

    /// <summary>The store's managers, its regional managers and administrators keep the plan; technicians and others read it.</summary>
    public bool MayEdit(string storeCode, MaintenanceActor actor) =>
        actor.Role is Roles.Administrator or Roles.RegionalManager or Roles.StoreManager && MaySee(storeCode, actor);

    /// <summary>The store's plan — the template with the technician prefilled when nobody saved one — or null when not seen.</summary>
    public async Task<EmergencyPlan?> ReadAsync(string storeCode, MaintenanceActor actor, CancellationToken cancellationToken = default)
    {
        if (!MaySee(storeCode, actor)) return null;
        var code = stores.Get(storeCode)!.Code;
        await using var db = databases.CreateDbContext();
        var row = await db.EmergencyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.StoreCode == code, cancellationToken);
        return row is null ? Template(code) : FromRow(row);
    }

    public async Task<MaintenanceResult<EmergencyPlan>> SaveAsync(string storeCode, EmergencyPlanDraft draft, MaintenanceActor actor, string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        if (Refusal(storeCode, actor) is { } refused) return refused;
        if (EmergencyPlanRules.Check(draft) is [var first, ..] problems)
            return MaintenanceResult<EmergencyPlan>.Refused(MaintenanceError.Invalid, first.Detail, first.Field) with { FieldProblems = problems };
        return await WriteAsync(storeCode, actor, remoteAddress, AuditActions.EmergencyPlanSaved, draft.ExpectedVersion, row => Apply(row, draft),
            cancellationToken);
    }

    /// <summary>"Reviewed, nothing changed": the plan stays as it is and counts as current for another <see cref="EmergencyPlan.ReviewMonths"/> months.</summary>
    public async Task<MaintenanceResult<EmergencyPlan>> ReviewAsync(string storeCode, int? expectedVersion, MaintenanceActor actor, string? remoteAddress,
        CancellationToken cancellationToken = default) =>
        Refusal(storeCode, actor) ?? await WriteAsync(storeCode, actor, remoteAddress, AuditActions.EmergencyPlanReviewed, expectedVersion, null, cancellationToken);

    private MaintenanceResult<EmergencyPlan>? Refusal(string storeCode, MaintenanceActor actor) =>
        !MaySee(storeCode, actor) ? MaintenanceResult<EmergencyPlan>.Refused(MaintenanceError.NotFound, $"No store {storeCode}.")
        : !MayEdit(storeCode, actor) ? MaintenanceResult<EmergencyPlan>.Refused(MaintenanceError.Forbidden,
            "Only the store's managers, its regional managers and administrators keep the emergency plan.")
        : null;

    /// <summary>A save (<paramref name="change"/> given) or a review (null: only the reviewed stamp moves), with its audit line in one commit.</summary>
    private async Task<MaintenanceResult<EmergencyPlan>> WriteAsync(string storeCode, MaintenanceActor actor, string? remoteAddress, string action,
        int? expectedVersion, Action<EmergencyPlanRow>? change, CancellationToken cancellationToken)
    {
        var code = stores.Get(storeCode)!.Code;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var row = await db.EmergencyPlans.SingleOrDefaultAsync(p => p.StoreCode == code, cancellationToken);
            var version = row?.Version ?? 0;
            if (expectedVersion is { } expected && expected != version)
                return MaintenanceResult<EmergencyPlan>.Refused(MaintenanceError.Conflict,
                    $"The plan was saved by someone else since you opened it (now version {version}); reload it and make your change again.");
            if (row is null && change is null)
                return MaintenanceResult<EmergencyPlan>.Refused(MaintenanceError.Conflict, "The plan has not been saved yet: fill it in and save it.");
            var now = time.GetUtcNow();
            if (row is null)
            {
                row = new EmergencyPlanRow { StoreCode = code, UpdatedBy = actor.Name, ReviewedBy = actor.Name };
                db.EmergencyPlans.Add(row);
            }
            if (change is not null)
            {
                change(row);
                row.Version++;
                (row.UpdatedBy, row.UpdatedAtMs) = (actor.Name, now.ToUnixTimeMilliseconds());
            }
            // A save is a review too: the manager has just read the whole plan.
            (row.ReviewedBy, row.ReviewedAtMs) = (actor.Name, now.ToUnixTimeMilliseconds());
            db.AuditEntries.Add(AuditLog.Row(now, actor.Name, action, code, $"version {row.Version}", remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return MaintenanceResult<EmergencyPlan>.Done(FromRow(row));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A store nobody has kept a plan for: the template, and the technician maintenance sends there, if any.</summary>
    private EmergencyPlan Template(string code) => new(code, 0, EmergencyContact.None, new EmergencyContact(AssignedTechnician(code), null),
        EmergencyContact.None, [], null, null, null, new Dictionary<EmergencyProcedure, IReadOnlyList<string>>(), null, null, null, null);

    /// <summary>The default technician of the store's newest active plan, else whoever was assigned its newest work order.</summary>
    private string? AssignedTechnician(string code)
    {
        var email = maintenance.Plans.Where(p => p.Active && p.DefaultTechnician is not null && string.Equals(p.StoreCode, code, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.DefaultTechnician).FirstOrDefault()
            ?? maintenance.All.Where(o => o.Assignee is not null && string.Equals(o.StoreCode, code, StringComparison.OrdinalIgnoreCase))
                .Select(o => o.Assignee).FirstOrDefault();
        return email is null ? null : users.DisplayNameOf(email);
    }

    private static void Apply(EmergencyPlanRow row, EmergencyPlanDraft d)
    {
        (row.HotlineName, row.HotlinePhone) = Kept(d.Hotline);
        (row.TechnicianName, row.TechnicianPhone) = Kept(d.Technician);
        (row.ElectricianName, row.ElectricianPhone) = Kept(d.Electrician);
        var others = (d.OtherContacts ?? []).Select(c => new EmergencyContact(Trimmed(c.Name), Trimmed(c.Phone))).ToList();
        row.OtherContactsJson = others.Count == 0 ? null : JsonSerializer.Serialize(others);
        (row.UpsLocation, row.SpareTerminalLocation, row.PaperFormsLocation) = (Trimmed(d.UpsLocation), Trimmed(d.SpareTerminalLocation), Trimmed(d.PaperFormsLocation));
        row.PowerFailsMidPaymentJson = StepsJson(d, EmergencyProcedure.PowerFailsMidPayment);
        row.TerminalDiesJson = StepsJson(d, EmergencyProcedure.TerminalDies);
        row.StorePowerOutageJson = StepsJson(d, EmergencyProcedure.StorePowerOutage);
    }

    private static (string?, string?) Kept(EmergencyContact? c) => (Trimmed(c?.Name), Trimmed(c?.Phone));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? StepsJson(EmergencyPlanDraft d, EmergencyProcedure procedure) =>
        d.Steps?.GetValueOrDefault(procedure) is { } steps ? JsonSerializer.Serialize(steps.Select(s => s.Trim()).ToList()) : null;

    private static EmergencyPlan FromRow(EmergencyPlanRow r)
    {
        var own = new Dictionary<EmergencyProcedure, IReadOnlyList<string>>();
        foreach (var (procedure, json) in new[] { (EmergencyProcedure.PowerFailsMidPayment, r.PowerFailsMidPaymentJson),
                     (EmergencyProcedure.TerminalDies, r.TerminalDiesJson), (EmergencyProcedure.StorePowerOutage, r.StorePowerOutageJson) })
        {
            if (json is not null) own[procedure] = JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        var others = r.OtherContactsJson is null ? [] : JsonSerializer.Deserialize<List<EmergencyContact>>(r.OtherContactsJson) ?? [];
        return new EmergencyPlan(r.StoreCode, r.Version, new(r.HotlineName, r.HotlinePhone), new(r.TechnicianName, r.TechnicianPhone),
            new(r.ElectricianName, r.ElectricianPhone), others, r.UpsLocation, r.SpareTerminalLocation, r.PaperFormsLocation, own,
            r.UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAtMs), r.ReviewedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.ReviewedAtMs));
    }
}
