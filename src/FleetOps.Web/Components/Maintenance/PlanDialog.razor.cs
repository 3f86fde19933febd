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
/// The "new plan" form. It creates the plan itself (<see cref="PlanService.CreateAsync"/>) so a refusal is shown at the field
/// it names (<see cref="MaintenanceResult{T}.Field"/>) while the form stays open with what was typed; it closes with the plan.
/// </summary>
public partial class PlanDialog
{
    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private PlanService Plans { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory StoreDirectory { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public MaintenanceActor Actor { get; set; } = default!;

    /// <summary>The stores the person dispatches for.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<StoreInfo> Stores { get; set; } = [];

    private string? _name, _store, _model, _terminals, _technician;
    private PlanSubjectKind _kind = PlanSubjectKind.Store;
    private string _checklist = DefaultChecklists.TerminalInspection;
    private int? _count = 1, _minutes = MaintenancePlan.DefaultEstimatedMinutes;
    private RecurrenceUnit _unit = RecurrenceUnit.Month;
    private RecurrenceBasis _basis = RecurrenceBasis.Schedule;
    private WorkOrderKind _workKind = WorkOrderKind.Inspection;
    private WorkOrderPriority _priority = WorkOrderPriority.Normal;
    private string? _startsOn;
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
    }

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

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            var draft = new PlanDraft(_name, _kind == PlanSubjectKind.Store ? _store ?? "" : null, _kind == PlanSubjectKind.Model ? _model ?? "" : null,
                _kind == PlanSubjectKind.Terminals ? (_terminals ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
                _checklist, _count, _unit, _basis,
                DateOnly.TryParseExact(_startsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts) ? starts : null,
                _workKind, _priority, EstimatedMinutes: _minutes, DefaultTechnician: _technician);
            var result = await Plans.CreateAsync(draft, Actor, null);
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
