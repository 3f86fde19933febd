using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

/// <summary>
/// One rollout: each wave's progress, live as terminals report (installed, failed, pending), and for administrators the
/// buttons to advance, halt and resume it. Someone who sees only some stores sees their terminals' counts; a rollout that
/// reaches none of them is not found.
/// </summary>
public partial class RolloutDetail
{
    [Parameter] public long Id { get; set; }

    [Inject] private RolloutBook Book { get; set; } = default!;
    [Inject] private RolloutService Service { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private bool _isAdministrator, _busy;
    private DateTimeOffset _now;
    private Rollout? _rollout;
    private IReadOnlyList<WaveProgress> _progress = [];

    protected override async Task OnParametersSetAsync()
    {
        StopFollowing();
        _scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        Rebuild();
        Follow(Book, r => r.Id == Id);
        // Every member, not only those of a running rollout: a completed one's last wave keeps installing, and its counts
        // must move as they do (the book forgets the members of a completed rollout). Waves are fixed at creation.
        var members = Book.Get(Id)?.Waves.SelectMany(w => w.Terminals).ToHashSet(StringComparer.Ordinal) ?? [];
        Follow(Fleet, t => members.Contains(t.TerminalId));
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    private void Rebuild()
    {
        _now = Time.GetUtcNow();
        var visible = RolloutBook.Visible(_scope, Stores);
        _rollout = Book.Get(Id) is { } rollout && RolloutBook.Reaches(rollout, Fleet, visible) ? rollout : null;
        _progress = _rollout is null ? [] : RolloutBook.Progress(_rollout, Fleet, visible);
    }

    /// <summary>A wave as chosen: its stores, or its share of the terminals left.</summary>
    private string WaveText(WaveSpec spec) => spec.Stores is { } stores ? StoresText(stores) : T["Rollouts.WavePercent", spec.Percent ?? 0];

    /// <summary>The stores a wave names that the person sees: another store's code is not theirs to learn (as in the API).</summary>
    private string StoresText(IReadOnlyList<string> stores) => stores.Where(s => _scope.AllowsStore(s, Stores)).ToList() is { Count: > 0 } mine
        ? T["Rollouts.WaveStores", string.Join(T["List.Comma"], mine)]
        : T["Rollouts.WaveOtherStores"];

    /// <summary>
    /// Starts the next wave (or completes the rollout) once the administrator has seen the current wave's health: waves start
    /// by hand so that a person judges it (docs/api.md §7), and a click should not skip that. Nothing happens if the rollout
    /// moved on while the question was open (its own threshold started the wave, say): the counts asked about are stale.
    /// </summary>
    private async Task AdvanceAsync()
    {
        if (_rollout is not { } asked) return;
        var (title, yes) = asked.IsLastWaveCurrent
            ? (T["Rollouts.CompleteQuestion", asked.Id], T["Rollouts.Complete"])
            : (T["Rollouts.AdvanceQuestion", asked.CurrentWave + 2, asked.Id], T["Rollouts.Advance"]);
        var confirmed = await Dialogs.ShowMessageBoxAsync(title, AdvanceQuestionText(asked), yesText: yes, cancelText: T["Common.Cancel"]);
        if (confirmed != true) return;
        if (Book.Get(Id) is not { } now || now.State != asked.State || now.CurrentWave != asked.CurrentWave)
        {
            Snackbar.Add(T["Rollouts.ChangedWhileAsked"], Severity.Warning);
            Rebuild();
            return;
        }
        await CommandAsync(Service.AdvanceAsync);
    }

    /// <summary>The current wave's counts, a warning when none has installed or some failed, then what the next step adds or leaves.</summary>
    private string AdvanceQuestionText(Rollout rollout)
    {
        var current = _progress[rollout.CurrentWave];
        var text = F.Count("Rollouts.ConfirmProgress", current.Terminals, rollout.CurrentWave + 1, F.Number(current.Installed), rollout.AppVersion,
            F.Number(current.Failed), F.Number(current.Pending));
        if (current.Terminals > 0 && current.Installed == 0) text += T["Rollouts.ConfirmNoneInstalled"];
        if (current.Failed > 0) text += F.Count("Rollouts.ConfirmFailed", current.Failed);
        if (rollout.IsLastWaveCurrent)
        {
            return text + F.Count("Rollouts.ConfirmNotOnVersion", _progress.Sum(p => p.Terminals - p.Installed), rollout.AppVersion);
        }
        var next = rollout.CurrentWave + 1;
        return text + F.Count("Rollouts.ConfirmNextWave", _progress[next].Terminals, next + 1, WaveText(rollout.Waves[next].Spec));
    }

    private async Task CommandAsync(Func<long, string, string?, CancellationToken, Task<RolloutResult>> command)
    {
        // The page may have stayed open while this user lost the administrator role.
        if (!await Access.IsAdministratorAsync())
        {
            Snackbar.Add(T["Registration.OnlyAdministrators"], Severity.Error);
            return;
        }
        _busy = true;
        try
        {
            var result = await command(Id, await Access.ActorNameAsync(), null, CancellationToken.None);
            if (result.Detail is { } refusal) Snackbar.Add(F.Message(refusal), Severity.Error);
            Rebuild();
        }
        finally
        {
            _busy = false;
        }
    }
}
