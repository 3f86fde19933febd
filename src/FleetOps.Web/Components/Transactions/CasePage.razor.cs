using FleetOps.Core.Access;
using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;
using FleetOps.Web.Fleet;
using FleetOps.Web.Live;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// The recovery case of one transaction: PRODUCT.md's three steps as a workflow (check the record with the terminal's
/// timeline, contact the acquirer with the facts one click away, resolve with an outcome), its owner, notes and trail.
/// Live: the transaction's later events and other people's changes to the case show without reload.
/// </summary>
public partial class CasePage : IDisposable
{
    [Parameter] public string TerminalId { get; set; } = "";

    /// <summary>
    /// The terminal's id as registered: the address may spell it in any letter case, while the records, the case and the
    /// live changes carry the registered one (and the database compares ids exactly).
    /// </summary>
    private string _terminalId = "";
    [Parameter] public string TransactionId { get; set; } = "";

    /// <summary>The timeline's reach either side of the sale, in minutes (in the URL, so a wider view can be shared).</summary>
    [SupplyParameterFromQuery(Name = "window")] public int? WindowMinutes { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private CaseFiles Files { get; set; } = default!;
    [Inject] private CaseService Service { get; set; } = default!;
    [Inject] private CaseBook Cases { get; set; } = default!;
    [Inject] private TransactionBook Book { get; set; } = default!;
    [Inject] private FleetOps.Core.Reconciliation.NotCreditedBook Proofs { get; set; } = default!;
    [Inject] private PowerIncidents Incidents { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private string _me = "";
    private CaseFile? _file;

    /// <summary>The store outage that interrupted this sale, when it was one (a store-wide blackout, not the device alone).</summary>
    private PowerIncident? _outage;
    private bool _loaded;
    private bool _busy;
    private DateTimeOffset _now;
    private string? _note;
    private string? _bankReference;
    private CaseOutcome? _outcome;
    private bool _confirmingResolve;
    private string? _resolveNote;

    /// <summary>Technicians see the cases of their stores but do not work them: recovering money is the managers' work.</summary>
    private bool _readOnly = true;

    private RecoveryCase? Case => _file?.Case;

    protected override async Task OnInitializedAsync()
    {
        _terminalId = Fleet.RegisteredId(TerminalId); // before Follow: its filters compare with the registered id
        _scope = await Access.ScopeAsync();
        _me = await Access.ActorNameAsync();
        _readOnly = await ReadOnlyAsync();
        // The terminal's later events (a settlement, a reversal, the power history) and changes to this case.
        Follow(Book, t => t.TerminalId == _terminalId);
        Follow(Cases, c => c.TerminalId == _terminalId && c.TransactionId == TransactionId);
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override Task OnLiveChangeAsync() => LoadAsync();

    protected override Task OnParametersSetAsync()
    {
        _terminalId = Fleet.RegisteredId(TerminalId);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _now = Time.GetUtcNow();
        _file = await Files.LoadAsync(_terminalId, TransactionId, _scope, Window);
        _bankReference ??= _file?.Case?.BankReference;
        _outage = _file?.Verdict?.Reason == UnsettledReason.InterruptedByPowerLoss
            ? Incidents.Interrupting(_file.StoreCode, _terminalId, TransactionId)
            : null;
        _loaded = true;
        WithdrawMootOffer();
    }

    /// <summary>Users who could work this case: they see its store (and are not disabled).</summary>
    private IEnumerable<string> OwnerChoices => _file is null ? [] : Users.All
        .Where(u => !u.Disabled && u.Scope.AllowsStore(_file.StoreCode, Stores)).Select(u => u.Email);

    private string Facts => _file is null ? "" : AcquirerFacts.Format(_file.Record, _file.Store, _file.StoreCode, Case?.BankReference, FactLabels);

    /// <summary>The facts' labels in the page's language: the person pastes them to their acquirer.</summary>
    private AcquirerFactLabels FactLabels => new(T["Facts.AuthorisedAtUtc"], T["Facts.LocalTime"], T["Worklist.Amount"], T["Worklist.Card"],
        T["Worklist.AuthCode"], T["Facts.Rrn"], T["Facts.Batch"], T["Column.Terminal"], T["Column.Store"], T["Worklist.Column.Transaction"],
        T["Facts.LastStage"], T["Facts.BankReference"], stage => F.Name(stage));

    private Task OpenAsync() => ActAsync(() => Service.OpenAsync(_terminalId, TransactionId, _file!.StoreCode, _me), T["Case.Done.Opened"]);

    private Task TakeAsync() => ActAsync(async () =>
    {
        var opened = Case ?? await Service.OpenAsync(_terminalId, TransactionId, _file!.StoreCode, _me);
        return await Service.AssignOwnerAsync(opened.Id, _me, _me);
    }, T["Case.Done.Taken"]);

    private Task AssignAsync(string? owner) => ActAsync(() => Service.AssignOwnerAsync(Case!.Id, owner, _me), T["Case.Done.OwnerChanged"]);

    private Task CheckedAsync() => ActAsync(async () =>
    {
        var opened = Case ?? await Service.OpenAsync(_terminalId, TransactionId, _file!.StoreCode, _me);
        return await Service.AdvanceAsync(opened.Id, _me);
    }, T["Case.Done.Checked"]);

    private Task SaveBankReferenceAsync() => ActAsync(() => Service.SetBankReferenceAsync(Case!.Id, _bankReference, _me), T["Case.Done.Reference"]);

    private Task AddNoteAsync() => ActAsync(async () =>
    {
        CaseWorkflow.NoteText(_note); // a note that may not be kept must not open a case on its way to being refused
        var opened = Case ?? await Service.OpenAsync(_terminalId, TransactionId, _file!.StoreCode, _me);
        var changed = await Service.AddNoteAsync(opened.Id, _note ?? "", _me);
        _note = null;
        return changed;
    }, T["Case.Done.Note"]);

    /// <summary>Resolving ends the work on a payment: it asks for confirmation and a note saying what happened.</summary>
    private void AskToResolve()
    {
        if (_outcome is null) return;
        _confirmingResolve = true;
        _resolveNote = null;
    }

    private void CancelResolve() => _confirmingResolve = false;

    private Task ResolveAsync() => _outcome is { } outcome && !string.IsNullOrWhiteSpace(_resolveNote)
        ? ActAsync(async () =>
        {
            CaseWorkflow.NoteText(_resolveNote); // refused before anything is written
            await Service.AddNoteAsync(Case!.Id, _resolveNote!, _me);
            var resolved = await Service.ResolveAsync(Case!.Id, outcome, _me);
            _confirmingResolve = false;
            _resolveNote = null;
            return resolved;
        }, T["Case.Done.Resolved", F.Name(outcome)])
        : Task.CompletedTask;

    private Task ReopenAsync() => ActAsync(() => Service.ReopenAsync(Case!.Id, _me), T["Case.Done.Reopened"]);

    private async Task CopyFactsAsync()
    {
        var copied = await Js.InvokeAsync<bool>("fleetOps.copyText", Facts);
        Snackbar.Add(copied ? T["Case.FactsCopied"] : T["Secret.CopyFailed"],
            copied ? Severity.Success : Severity.Warning);
    }

    /// <summary>Every change re-checks the scope (it may have shrunk while the page was open) and shows the rule it broke.</summary>
    private async Task ActAsync(Func<Task<RecoveryCase>> change, string done)
    {
        if (_busy || _file is null) return;
        _busy = true;
        try
        {
            _scope = await Access.ScopeAsync();
            if (!_scope.AllowsStore(_file.StoreCode, Stores))
            {
                _file = null;
                return;
            }
            _readOnly = await ReadOnlyAsync();
            if (_readOnly) return;
            var changed = await change();
            Snackbar.Add(done, Severity.Success);
            OfferOwnership(changed);
            await LoadAsync();
        }
        catch (CaseRuleException e)
        {
            Snackbar.Add(F.Message(e.Message), Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<bool> ReadOnlyAsync() => (await Access.UserAsync())?.Role == Roles.Technician;

    /// <summary>Someone who works a case they do not own is offered to take it, so the next person knows whom to ask.</summary>
    private void OfferOwnership(RecoveryCase changed)
    {
        if (changed.Owner == _me || changed.IsResolved) return;
        Snackbar.Add(T["Case.OfferOwnership"], Severity.Info, options =>
        {
            options.Action = T["Case.Take"];
            options.ActionColor = Color.Primary;
            // The click arrives through the snackbar, not this page: render the new owner here once it is taken.
            options.OnClick = _ => InvokeAsync(async () =>
            {
                await TakeAsync();
                StateHasChanged();
            });
        }, key: OfferKey);
    }

    private const string OfferKey = "offer-ownership";

    /// <summary>
    /// The offer stays on screen for a while: once the case is resolved or mine — by this page or live from elsewhere —
    /// taking it would mean nothing, so it goes (every load, whatever caused it, passes here).
    /// </summary>
    private void WithdrawMootOffer()
    {
        if (Case is not { } c || c.Owner == _me || c.IsResolved) Snackbar.RemoveByKey(OfferKey);
    }

    private TimeSpan Window => WindowMinutes is { } minutes and > 0 ? TimeSpan.FromMinutes(minutes) : CaseFile.Margin;

    /// <summary>Four times as wide, up to <see cref="CaseFile.MaxMargin"/>; null when it is already the widest.</summary>
    private TimeSpan? WiderWindow => Window >= CaseFile.MaxMargin ? null
        : TimeSpan.FromMinutes(Math.Min(Window.TotalMinutes * 4, CaseFile.MaxMargin.TotalMinutes));

    private void Widen()
    {
        if (WiderWindow is { } wider) Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("window", (int)wider.TotalMinutes));
    }

    private static string StepState(RecoveryCase? c, CaseStep step) => c is null
        ? step == CaseStep.CheckRecord ? "current" : "todo"
        : c.Step == step ? (step == CaseStep.Resolved ? "done" : "current")
        : c.Step > step ? "done" : "todo";

    private string Local(DateTimeOffset at) => F.Time(at, _file?.Store?.TimeZone);

    /// <summary>A stored event by its kind and state; a restart the heartbeats reveal, unexpected when nothing announced it.</summary>
    private string What(CaseTimelineLine line) => line.Entry is { } e ? F.Event(e)
        : line.IsPowerLoss ? T["Case.Restart.Unexpected"] : T["Case.Restart"];

    private string Details(CaseTimelineLine line) => line.Entry is { } e ? F.EventDetails(e)
        : line.IsPowerLoss ? T["Case.Boot.Unexpected", line.RestartBootId ?? ""] : T["Case.Boot", line.RestartBootId ?? ""];

}
