using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Layout;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

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
    [Inject] private IScrollManager Scroll { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private EmergencyPlan? _plan;
    private bool _loaded, _mayEdit, _busy, _messageIsRefusal, _conflict, _scrollToProblem, _reloadAfterDiscard;
    private string _storeName = "";
    private MaintenanceActor? _actor;
    /// <summary>The form being edited and the plan as it was when editing began (what "changed" is measured against).</summary>
    private EmergencyPlanForm? _form, _opened;
    private IReadOnlyList<FieldProblem> _problems = [];
    private IReadOnlyList<string> _clashes = [];
    private string? _message;

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
        (_form, _opened) = (EmergencyPlanForm.Of(_plan, Text), EmergencyPlanForm.Of(_plan, Text));
        (_problems, _clashes, _message, _conflict) = ([], [], null, false);
    }

    /// <summary>Whether leaving the editor now would throw away something the person typed.</summary>
    private bool Changed => _form is not null && _opened is not null && _form.ChangedFrom(_opened);

    private async Task CancelAsync()
    {
        if (Changed && !await DiscardAsked()) return;
        (_form, _opened, _problems, _clashes, _message, _conflict) = (null, null, [], [], null, false);
    }

    /// <summary>
    /// A link, the breadcrumb or Back while editing: the edits stay unless the person says to drop them. The reload after an
    /// administrator changed their access asks too, saying why.
    /// </summary>
    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!Changed) return;
        var accessChanged = context.HistoryEntryState == ReloadOnAccessChange.AccessChangedState;
        if (!await DiscardAsked(accessChanged ? "EmergencyPlan.DiscardAccessChanged" : "EmergencyPlan.DiscardExplain"))
        {
            context.PreventNavigation();
            return;
        }
        if (!accessChanged) return;
        // A reload leaves the document, and while the lock is on the browser would ask "leave site?" as well, unable to say
        // why. So this reload waits: the editor and its lock go first (a lock turns the browser's prompt off as it is
        // disposed, during the render), and the reload is sent again once that render is done (OnAfterRenderAsync).
        context.PreventNavigation();
        (_form, _opened, _reloadAfterDiscard) = (null, null, true);
        StateHasChanged();
    }

    private async Task<bool> DiscardAsked(string explain = "EmergencyPlan.DiscardExplain") =>
        await Dialogs.ShowMessageBoxAsync(T["EmergencyPlan.DiscardQuestion"], T[explain],
            yesText: T["EmergencyPlan.Discard"], cancelText: T["EmergencyPlan.KeepEditing"]) == true;

    /// <summary>
    /// Someone else saved while this person edited: their edits go on top of the newer version, which fills in only what
    /// they did not touch, and the fields both changed are named so they can compare before saving again.
    /// </summary>
    private async Task KeepMineAsync()
    {
        if (_form is null || _opened is null || _actor is null || await Plans.ReadAsync(Code, _actor) is not { } latest) return;
        var theirs = EmergencyPlanForm.Of(latest, Text);
        _form = _form.RebasedOn(_opened, theirs, out var clashes);
        (_plan, _opened, _clashes, _problems, _message, _conflict) = (latest, theirs, clashes, [], null, false);
    }

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

    /// <summary>
    /// A save or review: done, the plan shows as kept; refused for its fields, the form marks every one and the first is
    /// scrolled into view; else the refusal shows above the plan and, while editing, by Save.
    /// </summary>
    private async Task Run(Func<Task<MaintenanceResult<EmergencyPlan>>> command, string done)
    {
        _busy = true;
        try
        {
            var result = await command();
            if (result.Value is { } plan)
            {
                (_plan, _form, _opened, _problems, _clashes, _message, _messageIsRefusal, _conflict) = (plan, null, null, [], [], done, false, false);
                return;
            }
            if (_form is not null && result.FieldProblems.Count > 0)
            {
                (_problems, _message, _conflict, _scrollToProblem) = (result.FieldProblems, null, false, true);
                return;
            }
            (_problems, _message, _messageIsRefusal, _conflict) = ([], F.Message(result.Detail ?? ""), true, result.Error == MaintenanceError.Conflict);
        }
        finally
        {
            _busy = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_reloadAfterDiscard)
        {
            _reloadAfterDiscard = false;
            ReloadOnAccessChange.Reload(Navigation);
            return;
        }
        if (!_scrollToProblem) return;
        _scrollToProblem = false;
        await Scroll.ScrollIntoViewAsync("[data-error=yes]", ScrollBehavior.Smooth);
    }
}
