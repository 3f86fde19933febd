using FleetOps.Core.Maintenance;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// One checklist template (issue 14 item 1). Administrators edit its title and ordered items (move, add, remove; type,
/// required, a reading's unit and limits) and save it as the next version through <see cref="PlanService.SaveTemplateAsync"/>:
/// work orders made before keep the version they pinned. A refusal shows at the item it is about. An unknown key is a new
/// template, made when first saved. Everyone else reads the newest version.
/// </summary>
public partial class ChecklistEditor
{
    private const string ChecklistsPage = "maintenance/checklists";

    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private PlanService Plans { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;

    [Parameter] public string Key { get; set; } = "";

    public static string PathOf(string key) => $"{ChecklistsPage}/{Uri.EscapeDataString(key)}";

    private MaintenanceActor? _actor;
    private bool _isAdministrator, _saving;
    private ChecklistTemplate? _template;
    private string? _title, _refusal, _field, _saved;
    private List<ChecklistItemDraft> _items = [];

    protected override async Task OnInitializedAsync()
    {
        _actor = await WorkActor.ResolveAsync(Access);
        _isAdministrator = _actor.IsAdministrator;
    }

    protected override void OnParametersSet()
    {
        _template = Book.Template(Key);
        _title = _template?.Title;
        _items = _template?.Items.Select(ChecklistItemDraft.From).ToList() ?? [new ChecklistItemDraft { Key = "item_1" }];
        (_refusal, _field, _saved) = (null, null, null);
    }

    private bool ItemRefused(int index) => _field == $"items[{index}]";

    /// <summary>The shipped wording's translation under the field, while the English is still the shipped one.</summary>
    private string? TitleTranslation => _template is not null && ChecklistText.Title(T, _template) is var shown && shown != _template.Title ? shown : null;

    private string? LabelTranslation(ChecklistItemDraft item) =>
        ChecklistText.Label(T, Key, item.ToItem()) is var shown && shown != item.Label ? shown : null;

    /// <summary>The limits after the type, as the work order says them; nothing when the reading has none.</summary>
    private string Limits(ChecklistItem item) => ChecklistText.Limits(T, F, item) is { Length: > 0 } limits ? $" · {limits}" : "";

    private void Move(int index, int by)
    {
        var target = index + by;
        if (target < 0 || target >= _items.Count) return;
        (_items[index], _items[target]) = (_items[target], _items[index]);
        ClearRefusal();
    }

    private void Remove(int index)
    {
        _items.RemoveAt(index);
        ClearRefusal();
    }

    /// <summary>A new item under a key no other item has (the administrator may rename it).</summary>
    private void Add()
    {
        var n = _items.Count + 1;
        while (_items.Any(i => i.Key == $"item_{n}")) n++;
        _items.Add(new ChecklistItemDraft { Key = $"item_{n}" });
    }

    private void ClearRefusal() => (_refusal, _field) = (null, null);

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var before = _template?.Version;
            var result = await Plans.SaveTemplateAsync(Key, _title, _items.Select(i => i.ToItem()).ToList(), _actor!, null);
            if (result.Value is not { } saved)
            {
                (_refusal, _field, _saved) = (F.Message(result.Detail ?? "", result.Field, result.Field == "title" ? T["Checklists.Title"].Value : null), result.Field, null);
                return;
            }
            OnParametersSet();
            _saved = before is { } previous ? T["Checklists.Saved", saved.Version, previous] : T["Checklists.SavedFirst", saved.Version];
        }
        finally
        {
            _saving = false;
        }
    }
}
