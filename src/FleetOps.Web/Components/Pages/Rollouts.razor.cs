using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Wire;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Rollouts;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetOps.Web.Components.Pages;

/// <summary>
/// The rollouts (issue 13): each with its state and its newest started wave's progress, live. Everyone sees the rollouts that
/// reach their stores, counted over their terminals; administrators start new ones. The state filter is in the address.
/// </summary>
public partial class Rollouts
{
    [Inject] private RolloutBook Book { get; set; } = default!;
    [Inject] private FleetState Fleet { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private AccessScope _scope = AccessScope.Nothing;
    private bool _isAdministrator;
    private ViewAddress? _address;
    private string? _state;
    private DateTimeOffset _now;
    private List<(Rollout Rollout, IReadOnlyList<WaveProgress> Progress)> _rows = [];
    private HashSet<string> _members = new(StringComparer.Ordinal);

    protected override async Task OnInitializedAsync()
    {
        _scope = await Access.ScopeAsync();
        _isAdministrator = await Access.IsAdministratorAsync();
        _address = FollowAddress(() => { ReadAddress(); Rebuild(); return Task.CompletedTask; });
        ReadAddress();
        Rebuild();
        Follow(Book);
        // Every listed rollout's members, as on its own page: a completed one's last wave keeps installing and the book forgets
        // its members. The set is rebuilt with the rows, so a rollout started meanwhile is followed too.
        Follow(Fleet, t => _members.Contains(t.TerminalId));
        FollowClock(TimeSpan.FromSeconds(30));
    }

    protected override Task OnLiveChangeAsync()
    {
        Rebuild();
        return Task.CompletedTask;
    }

    /// <summary>A state's name in the reader's language, from its wire name in the address.</summary>
    private string StateName(string state) => WireNames.TryParse(state, out RolloutState parsed) ? F.Name(parsed) : state;

    private void ReadAddress() => _state = WireNames.TryParse(_address!["state"], out RolloutState state) ? state.ToWire() : null;

    private void Rebuild()
    {
        _now = Time.GetUtcNow();
        var visible = RolloutBook.Visible(_scope, Stores);
        _rows = Book.All
            .Where(r => (_state is null || r.State.ToWire() == _state) && RolloutBook.Reaches(r, Fleet, visible))
            .Select(r => (r, RolloutBook.Progress(r, Fleet, visible)))
            .ToList();
        _members = _rows.SelectMany(row => row.Rollout.Waves.SelectMany(w => w.Terminals)).ToHashSet(StringComparer.Ordinal);
    }

    private Task ChooseStateAsync(string? state)
    {
        _state = state;
        _address!.Write(new Dictionary<string, string?> { ["state"] = state });
        Rebuild();
        return Task.CompletedTask;
    }

    private async Task CreateAsync()
    {
        if (await RolloutDialog.ShowAsync(Dialogs, T) is { } created) Navigation.NavigateTo($"software/rollouts/{created.Id}");
    }
}
