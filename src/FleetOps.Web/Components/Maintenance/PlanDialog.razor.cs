using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// The "new plan" form, and the same form filled in to edit <see cref="Plan"/>. It creates (<see cref="PlanService.CreateAsync"/>)
/// or saves (<see cref="PlanService.EditAsync"/>) the plan itself so a refusal is shown at the field it names
/// (<see cref="MaintenanceResult{T}.Field"/>) while the form stays open with what was typed; it closes with the plan. An edit
/// says first what it does to the work orders the plan made, and asks before cancelling any.
/// </summary>
public partial class PlanDialog
{
    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private PlanService Plans { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory StoreDirectory { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public MaintenanceActor Actor { get; set; } = default!;

    /// <summary>The stores the person dispatches for.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<StoreInfo> Stores { get; set; } = [];

    /// <summary>The plan to edit; null for a new one.</summary>
    [Parameter] public MaintenancePlan? Plan { get; set; }

    private string? _name, _store, _model, _terminals, _technician;
    private PlanSubjectKind _kind = PlanSubjectKind.Store;
    private string _checklist = DefaultChecklists.TerminalInspection;
    private int? _count = 1, _minutes = MaintenancePlan.DefaultEstimatedMinutes;
    private RecurrenceUnit _unit = RecurrenceUnit.Month;
    private RecurrenceBasis _basis = RecurrenceBasis.Schedule;
    private WorkOrderKind _workKind = WorkOrderKind.Inspection;
    private WorkOrderPriority _priority = WorkOrderPriority.Normal;
    private string? _startsOn, _dueTime = Clock(MaintenancePlan.DefaultDueTime);
    private IReadOnlyList<string> _models = [];
    private IReadOnlyList<UserAccess> _technicians = [];
    private string? _refusal, _field;
    private bool _saving;

    protected override void OnInitialized()
    {
        _models = Fleet.All.Select(t => t.Model).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        _technicians = WorkActor.Technicians(Users, Stores, StoreDirectory);
        // Today on the stores' clock: a plan usually starts now.
        var zone = StoreTime.Common(StoreDirectory, Stores.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
        _startsOn = Recurrence.LocalDate(Time.GetUtcNow(), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Plan is { } p)
        {
            (_name, _checklist, _count, _unit, _basis, _workKind, _priority) = (p.Name, p.Checklist, p.Every.Count, p.Every.Unit, p.Basis, p.Kind, p.Priority);
            (_minutes, _technician, _dueTime) = (p.EstimatedMinutes, p.DefaultTechnician, Clock(p.DueTime));
            _startsOn = p.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What the plan covers, shown fixed while editing: the store, the model, or the terminals.</summary>
    private string Subject(MaintenancePlan plan) => plan switch
    {
        { StoreCode: { } code } => $"{F.Name(PlanSubjectKind.Store)} · {(StoreDirectory.Get(code) is { } s ? T["TerminalDetail.StoreName", s.Code, s.Name] : code)}",
        { Model: { } model } => $"{F.Name(PlanSubjectKind.Model)} · {T["Plans.Model", model]}",
        _ => $"{F.Name(PlanSubjectKind.Terminals)} · {string.Join(T["List.Comma"], plan.TerminalIds)}",
    };

    /// <summary>What saving would do to the plan's generated work orders; null while the form would be refused.</summary>
    private PlanRevision? Preview() => Plan is { } p ? Plans.PreviewEdit(p.Id, Draft(), Actor).Value : null;

    /// <summary>Whether the last refusal is about <paramref name="field"/> (its text is then that field's error).</summary>
    private bool Refused(string field) => _field == field;

    /// <summary>
    /// The service's refusal naming the form's label where it quotes the wire name ("'name' is required." → Name); no store
    /// chosen reads as the work-order form says it ("Choose a store.").
    /// </summary>
    private string Refusal(string? field, string detail) => (field, detail) switch
    {
        ("storeCode", "'storeCode' is required.") => T["Maintenance.New.StoreRequired"].Value,
        _ => F.Message(detail, field, field switch
        {
            "name" => T["Plans.New.Name"].Value,
            "startsOn" => T["Plans.New.StartsOn"].Value,
            "estimatedMinutes" => T["Plans.New.Minutes"].Value,
            _ => null,
        }),
    };

    private void ChooseKind(PlanSubjectKind kind)
    {
        _kind = kind;
        if (_field is "subject" or "storeCode" or "model" or "terminalIds") (_refusal, _field) = (null, null);
    }

    private string ChecklistTitle(string? key) => key is not null && Book.Template(key) is { } t ? ChecklistText.Title(T, t) : key ?? "";

    /// <summary>The form as a draft; editing, the subject is left out (the plan's own).</summary>
    private PlanDraft Draft() => new(_name,
        Plan is null && _kind == PlanSubjectKind.Store ? _store ?? "" : null, Plan is null && _kind == PlanSubjectKind.Model ? _model ?? "" : null,
        Plan is null && _kind == PlanSubjectKind.Terminals
            ? (_terminals ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
        _checklist, _count, _unit, _basis,
        DateOnly.TryParseExact(_startsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts) ? starts : null,
        _workKind, _priority, TimeOnly.TryParse(_dueTime, CultureInfo.InvariantCulture, out var due) ? due : null, _minutes, _technician);

    private Task CreateAsync() => SubmitAsync(() => Plans.CreateAsync(Draft(), Actor, null));

    /// <summary>Saves the edit, once the person has agreed to the work orders it would cancel.</summary>
    private async Task SaveAsync()
    {
        if (Preview() is { Cancelled.Count: > 0 } revision)
        {
            var agreed = await Dialogs.ShowMessageBoxAsync(F.Count("Plans.Edit.CancelQuestion", revision.Cancelled.Count),
                revision.Updated.Count == 0 ? F.Count("Plans.Edit.Cancelled", revision.Cancelled.Count)
                    // Chinese sentences end in "。" and run on; English ones are spaced.
                    : string.Join(SupportedCultures.IsChinese(CultureInfo.CurrentUICulture) ? "" : " ",
                        F.Count("Plans.Edit.Cancelled", revision.Cancelled.Count), F.Count("Plans.Edit.Updated", revision.Updated.Count)),
                yesText: T["Plans.Edit.SaveAndCancel"], cancelText: T["Plans.Edit.KeepEditing"]);
            if (agreed != true) return;
        }
        await SubmitAsync(() => Plans.EditAsync(Plan!.Id, Draft(), Actor, null));
    }

    private async Task SubmitAsync(Func<Task<MaintenanceResult<MaintenancePlan>>> submit)
    {
        _saving = true;
        try
        {
            var result = await submit();
            if (result.Value is { } plan)
            {
                Dialog.Close(DialogResult.Ok(plan));
                return;
            }
            (_refusal, _field) = (Refusal(result.Field, result.Detail ?? ""), result.Field);
        }
        finally
        {
            _saving = false;
        }
    }
}
