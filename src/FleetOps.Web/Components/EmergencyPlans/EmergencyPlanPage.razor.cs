using FleetOps.Core.Fleet;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.EmergencyPlans;

/// <summary>
/// A store's emergency plan (issue 15 item 7): read by everyone who sees the store, kept by its managers, regional managers
/// and administrators, printable for the back office. The read view is also what prints (css/print.css).
/// </summary>
public sealed partial class EmergencyPlanPage
{
    [Parameter] public string Code { get; set; } = "";

    [Inject] private EmergencyPlanService Plans { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private EmergencyPlan? _plan;
    private bool _loaded, _mayEdit, _busy, _messageIsRefusal;
    private string _storeName = "";
    private MaintenanceActor? _actor;
    private EmergencyPlanForm? _form;
    private string? _field, _refusal, _message;

    private string StoreHref => $"stores/{Uri.EscapeDataString(Code)}";

    protected override async Task OnParametersSetAsync()
    {
        _actor = await User();
        _plan = await Plans.ReadAsync(Code, _actor);
        _storeName = Stores.Get(Code)?.Name ?? "";
        _mayEdit = Plans.MayEdit(Code, _actor);
        _loaded = true;
    }

    private async Task<MaintenanceActor> User() => await Access.UserAsync() is { } user ? MaintenanceActor.Of(user)
        : await Access.IsAdministratorAsync() ? MaintenanceActor.Bootstrap
        : new MaintenanceActor(await Access.ActorNameAsync(), "", Core.Access.AccessScope.Nothing);

    private string Text(string key) => T[key];

    private void Edit()
    {
        if (_plan is null) return;
        _form = EmergencyPlanForm.Of(_plan, Text);
        (_field, _refusal, _message) = (null, null, null);
    }

    private void Cancel() => (_form, _field, _refusal) = (null, null, null);

    private async Task SaveAsync()
    {
        if (_form is null) return;
        // Who saves is asked now, not when the page opened: an administrator may have taken the store away meanwhile.
        _actor = await User();
        await Run(() => Plans.SaveAsync(Code, _form.ToDraft(Text), _actor, null), T["EmergencyPlan.Saved"]);
    }

    private async Task ReviewAsync()
    {
        if (_plan is null) return;
        _actor = await User();
        await Run(() => Plans.ReviewAsync(Code, _plan.Version, _actor, null), T["EmergencyPlan.Reviewed"]);
    }

    /// <summary>A save or review: done, the plan shows as kept; refused at a field, the form shows it there; else above the plan.</summary>
    private async Task Run(Func<Task<MaintenanceResult<EmergencyPlan>>> command, string done)
    {
        _busy = true;
        try
        {
            var result = await command();
            if (result.Value is { } plan)
            {
                (_plan, _form, _field, _refusal, _message, _messageIsRefusal) = (plan, null, null, null, done, false);
                return;
            }
            var refusal = F.Message(result.Detail ?? "");
            if (_form is not null && result.Field is not null) (_field, _refusal, _message) = (result.Field, refusal, null);
            else (_message, _messageIsRefusal) = (refusal, true);
        }
        finally
        {
            _busy = false;
        }
    }
}
