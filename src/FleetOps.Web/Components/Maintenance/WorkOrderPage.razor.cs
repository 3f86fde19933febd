using System.Globalization;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Localization;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// One work order, phone- and tablet-first: what and where, the alert it came from, the dispatcher's booking, and for the
/// person doing it start → checklist → complete (or on hold). It exists only for those <see cref="MaintenanceActor.CanSee"/>
/// lets see it — anyone else gets the not-found panel, as the API answers 404 — and offers only the commands the services
/// would accept from them. Live: another person's change (a booking, a cancel) shows at once; what the technician has
/// typed into the checklist stays. Signatures are drawn on the item's pad and stored as PNGs when the work is completed (the
/// browser's draft keeps them until then, with the answers); a flagged item of done work raises a follow-up, listed here
/// and linking back.
/// </summary>
public partial class WorkOrderPage
{
    [Inject] private MaintenanceBook Book { get; set; } = default!;
    [Inject] private MaintenanceService Service { get; set; } = default!;
    [Inject] private WorkOrderPhotos Photos { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ChecklistDrafts Drafts { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private long? _following;
    private bool _loaded;
    private MaintenanceActor _actor = new("", "", FleetOps.Core.Access.AccessScope.Nothing);
    private WorkOrder? _order;
    private ChecklistTemplate? _template;
    private Alert? _alert;
    private MaintenancePlan? _plan;
    private WorkOrder? _parent;
    private IReadOnlyList<WorkOrder> _followUps = [];
    private IReadOnlyList<WorkOrderPhoto> _photos = [];
    private readonly Dictionary<string, ChecklistEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _photoRefusals = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, ChecklistProblemReason> _problems = new Dictionary<string, ChecklistProblemReason>();
    private bool _canWork;
    private bool _canDispatch;
    private bool _busy;
    private DateTimeOffset _now;

    /// <summary>The work order whose draft in the browser has been looked at (restored into the checklist, or dropped).</summary>
    private long? _draftRead;

    /// <summary>Per signature item, how many times its drawing changed (see <see cref="DrawingChangedAsync"/>).</summary>
    private readonly Dictionary<string, int> _drawingChanges = new(StringComparer.Ordinal);

    /// <summary>The checklist is filled in while the visit is in progress, by whoever may work on it.</summary>
    private bool Editing => _canWork && _order?.State == WorkOrderState.InProgress;

    private string? Zone => _order is null ? null : Stores.Get(_order.StoreCode)?.TimeZone;

    /// <summary>Whoever may work on the order raises follow-ups of what its recorded checklist flagged.</summary>
    private bool CanRaiseFollowUp => _canWork && _order?.State == WorkOrderState.Done;

    private string ChecklistTitle => _template is null ? "" : ChecklistText.Title(T, _template);

    protected override async Task OnParametersSetAsync()
    {
        if (_following == Id) return;
        StopFollowing();
        _following = Id;
        _actor = await WorkActor.ResolveAsync(Access);
        _entries.Clear();
        _photoRefusals.Clear();
        _problems = new Dictionary<string, ChecklistProblemReason>();
        await LoadAsync();
        _loaded = true;
        Follow(Book, o => o.Id == Id || o.FollowUpOf == Id);
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override Task OnLiveChangeAsync() => LoadAsync();

    /// <summary>
    /// The browser's draft is read once the page is interactive (local storage is the browser's): answers the technician
    /// entered before a reload come back into the items still empty; once the work is done or cancelled the draft goes.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_order is not { } order || _draftRead == order.Id || !_canWork || order.IsOpen && !Editing) return;
        _draftRead = order.Id;
        if (!order.IsOpen)
        {
            await Drafts.DropAsync(order.Id, _actor.Name);
            return;
        }
        var restored = false;
        foreach (var (item, draft) in await Drafts.ReadAsync(order.Id, _actor.Name))
        {
            if (_template?.Items.Any(i => i.Key == item) != true) continue; // the checklist changed since
            var entry = EntryOf(item);
            if (!entry.IsEmpty || !string.IsNullOrWhiteSpace(entry.Signer)) continue; // what is on the page wins
            (entry.Value, entry.Note, entry.Signer) = (draft.Value, draft.Note, draft.Signer);
            restored = true;
        }
        foreach (var item in _template is null ? [] : SignatureItems)
        {
            var entry = EntryOf(item.Key);
            if (entry.Drawing is not null || await Drafts.ReadSignatureAsync(order.Id, _actor.Name, item.Key, Photos.MaxBytes) is not { } drawing) continue;
            entry.Drawing = drawing;
            restored = true;
        }
        if (restored) StateHasChanged();
    }

    /// <summary>
    /// A signature pad's drawing changed: the browser keeps it with the draft (a stroke at a time, so a reload in the middle
    /// of signing keeps what was drawn), or forgets it when the pad is cleared. The drawing is read after each stroke; a
    /// save overtaken by a later stroke's is skipped, so the last stroke's drawing is the one kept.
    /// </summary>
    private async Task DrawingChangedAsync(string item, bool drawn)
    {
        if (!Editing) return;
        var change = _drawingChanges[item] = _drawingChanges.GetValueOrDefault(item) + 1;
        var png = drawn && EntryOf(item).Pad is { } pad ? await pad.ReadAsync(Photos.MaxBytes) : null;
        if (_drawingChanges[item] != change) return;
        await Drafts.SaveSignatureAsync(Id, _actor.Name, item, png);
    }

    /// <summary>An item changed: its refusal from the last try no longer stands, and the browser keeps what was entered.</summary>
    private async Task EntryChangedAsync(string item)
    {
        if (_problems.ContainsKey(item)) _problems = _problems.Where(p => p.Key != item).ToDictionary();
        StateHasChanged();
        if (Editing) await Drafts.SaveAsync(Id, _actor.Name, _entries);
    }

    private async Task LoadAsync()
    {
        _now = Time.GetUtcNow();
        var before = _order;
        _order = Book.Get(Id) is { } order && _actor.CanSee(order, Stores) ? order : null;
        if (_order is null) return;
        _canWork = _actor.CanWork(_order, Stores);
        _canDispatch = _actor.CanDispatch(_order.StoreCode, Stores);
        _template = Book.Template(_order.ChecklistKey, _order.ChecklistVersion);
        _plan = _order.PlanId is { } planId ? Book.Plan(planId) : null;
        _parent = _order.FollowUpOf is { } parentId && Book.Get(parentId) is { } parent && _actor.CanSee(parent, Stores) ? parent : null;
        _followUps = Book.FollowUpsOf(Id).Where(f => _actor.CanSee(f, Stores)).ToList();
        if (_order.AlertId is { } alertId && _alert?.Id != alertId) _alert = await Service.FindAlertAsync(alertId);
        if (before is null || !_order.IsOpen && before.IsOpen)
        {
            ShowResults(_order);
            _photos = await Photos.ListAsync(Id); // with the signatures drawn for it
        }
        AnswerWithUploadedPhotos();
    }

    /// <summary>The recorded results (a finished work order), or nothing yet; what is being typed is never overwritten by a refresh.</summary>
    private void ShowResults(WorkOrder order)
    {
        _entries.Clear();
        foreach (var answer in order.Results) _entries[answer.Item] = new ChecklistEntry { Value = answer.Value, Note = answer.Note };
    }

    /// <summary>
    /// Work in progress: a photo item answers with the last photo uploaded for it — kept on the server, so a reloaded page
    /// still counts it. A signature is stored only on completion: its drawing comes back from the browser's draft instead.
    /// </summary>
    private void AnswerWithUploadedPhotos()
    {
        if (_template is null || _order?.State != WorkOrderState.InProgress) return;
        foreach (var item in _template.Items.Where(i => i.Type == ChecklistItemType.Photo))
        {
            var entry = EntryOf(item.Key);
            if (entry.Value is null && _photos.LastOrDefault(p => p.Item == item.Key) is { } photo)
                entry.Value = photo.Id.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Whether anything was recorded against the item: an answer, or a photo or signature uploaded for it.</summary>
    private bool Recorded(ChecklistItem item) =>
        _order?.Results.Any(r => r.Item == item.Key) == true || _photos.Any(p => p.Item == item.Key);

    private ChecklistEntry EntryOf(string item) => _entries.TryGetValue(item, out var entry) ? entry : _entries[item] = new ChecklistEntry();

    private async Task StartAsync() => await RunAsync(() => Service.StartAsync(Id, _actor, null), _ => T["WorkOrder.Started"]);

    private async Task WaitAsync()
    {
        if (await ReasonAsync(T["WorkOrder.Wait"], T["WorkOrder.Wait"]) is { } reason)
            await RunAsync(() => Service.WaitAsync(Id, reason.Length == 0 ? null : reason, _actor, null), _ => T["WorkOrder.Waiting"]);
    }

    private async Task CancelAsync()
    {
        if (await ReasonAsync(T["WorkOrder.Cancel"], T["WorkOrder.Cancel"]) is { } reason)
            await RunAsync(() => Service.CancelAsync(Id, reason.Length == 0 ? null : reason, _actor, null), _ => T["WorkOrder.Cancelled"]);
    }

    private async Task CompleteAsync()
    {
        bool signed;
        _busy = true; // a second tap while the drawings cross the circuit must not store them twice
        try
        {
            signed = await StoreSignaturesAsync();
        }
        finally
        {
            _busy = false;
        }
        if (!signed) return;
        var answers = _template!.Items
            .Select(i => (i.Key, Entry: EntryOf(i.Key)))
            .Where(e => !e.Entry.IsEmpty)
            .Select(e => new ChecklistAnswer(e.Key, Blank(e.Entry.Value), Blank(e.Entry.Note)))
            .ToList();
        var signer = SignatureItems.Select(i => Blank(EntryOf(i.Key).Signer)).FirstOrDefault(s => s is not null);
        _problems = new Dictionary<string, ChecklistProblemReason>();
        var result = await RunAsync(() => Service.CompleteAsync(Id, answers, signer, _actor, null), _ => T["WorkOrder.Completed"]);
        if (result?.Error == MaintenanceError.Incomplete)
            _problems = result.Problems.GroupBy(p => p.Item).ToDictionary(g => g.Key, g => g.First().Reason);
        if (result?.Value is not null)
        {
            _photoRefusals.Clear(); // a refused upload says nothing about done work
            await Drafts.DropAsync(Id, _actor.Name);
        }
    }

    private IEnumerable<ChecklistItem> SignatureItems => _template!.Items.Where(i => i.Type == ChecklistItemType.Signature);

    /// <summary>
    /// Each pad's drawing, stored once as the item's signature (its id the item's value); an empty pad leaves the item
    /// unsigned, whatever was stored before. False when a drawing was refused (shown at its item).
    /// </summary>
    private async Task<bool> StoreSignaturesAsync()
    {
        var stored = true;
        foreach (var item in SignatureItems)
        {
            var entry = EntryOf(item.Key);
            _photoRefusals.Remove(item.Key);
            Stream? drawing;
            // A drawing kept from before a reload stands in for the pad, which is not shown while it is.
            if (entry.Drawing is { } kept) drawing = entry.DrawingStored ? null : new MemoryStream(kept);
            else if (entry.Pad is not { } pad) continue;
            else if (await pad.IsEmptyAsync())
            {
                entry.Value = null;
                continue;
            }
            else drawing = await pad.TakeChangedAsync(Photos.MaxBytes);
            await using var _ = drawing;
            if (drawing is null) continue; // stored after an earlier try, unchanged since
            var result = await Photos.AddAsync(Id, item.Key, drawing, _actor, null);
            if (result.Value is { } signature)
                (entry.Value, entry.DrawingStored) = (signature.Id.ToString(CultureInfo.InvariantCulture), entry.Drawing is not null);
            else
            {
                _photoRefusals[item.Key] = F.Message(result.Detail ?? "");
                stored = false;
            }
        }
        _photos = await Photos.ListAsync(Id);
        return stored;
    }

    private Task RaiseFollowUpAsync(string item) =>
        RunAsync(() => Service.RaiseFollowUpAsync(Id, item, _actor, null), followUp => T["FollowUp.RaisedNotice", followUp.Id]);

    private async Task AddPhotoAsync(ChecklistItem item, IBrowserFile file)
    {
        _photoRefusals.Remove(item.Key);
        // Refused before a byte is sent: a phone's 20 MB photo would otherwise cross the circuit only to be thrown away.
        if (file.Size > Photos.MaxBytes)
        {
            _photoRefusals[item.Key] = T["WorkOrder.Photo.TooLarge", Photos.MaxBytes / (1024 * 1024)];
            return;
        }
        await using var content = file.OpenReadStream(Photos.MaxBytes);
        var result = await Photos.AddAsync(Id, item.Key, content, _actor, null);
        if (result.Value is { } photo)
        {
            EntryOf(item.Key).Value = photo.Id.ToString(CultureInfo.InvariantCulture);
            _photos = await Photos.ListAsync(Id);
            await EntryChangedAsync(item.Key);
        }
        else
        {
            _photoRefusals[item.Key] = result.Error == MaintenanceError.Invalid ? T["WorkOrder.Photo.NotImage"] : F.Message(result.Detail ?? "");
        }
    }

    /// <summary>One command; its refusal (other than an incomplete checklist, shown at the items) as a message.</summary>
    private async Task<MaintenanceResult<WorkOrder>?> RunAsync(Func<Task<MaintenanceResult<WorkOrder>>> command, Func<WorkOrder, string> done)
    {
        _busy = true;
        try
        {
            var result = await command();
            if (result.Value is { } order) Snackbar.Add(done(order), Severity.Success);
            else if (result.Error != MaintenanceError.Incomplete) Snackbar.Add(F.Message(result.Detail ?? ""), Severity.Error);
            await LoadAsync();
            return result;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string?> ReasonAsync(string title, string confirm)
    {
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(title,
            new DialogParameters<ReasonDialog> { { d => d.Title, title }, { d => d.Confirm, confirm } }, Admin.FormDialog.Options);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private string PersonName(string? email) => Users.DisplayNameOf(email);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
