using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Reconciliation;

/// <summary>
/// Column-mapping profiles per acquirer for administrators (issue 16 item 1): the acquirer and the profile being edited
/// live in the address (<c>?acquirer=…&amp;profile=…</c>, no profile = a new one); the built-in generic format is shown
/// and cannot be edited; every other profile opens in <see cref="ReportProfileEditor"/>. Anyone else sees "not found",
/// as on the import page: profiles only matter to whoever imports.
/// </summary>
public partial class ReportProfilesPage
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private UserDirectory Directory { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private ReportProfiles Profiles { get; set; } = default!;

    private ViewAddress _address = default!;
    private bool _checked, _isAdministrator;
    private string? _acquirer, _saved;
    private IReadOnlyList<string> _acquirers = [];
    private IReadOnlyList<ReportProfile> _profiles = [];
    private ReportProfile? _chosen;

    protected override async Task OnInitializedAsync()
    {
        _address = FollowAddress(OnLiveChangeAsync);
        Follow(Directory, minInterval: TimeSpan.Zero);
        Follow(Stores);
        await OnLiveChangeAsync();
        _checked = true;
    }

    protected override async Task OnLiveChangeAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        if (!_isAdministrator) return;
        _acquirers = Stores.All.Select(s => s.Acquirer).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        _acquirer = _address["acquirer"] is { } asked && _acquirers.Contains(asked) ? asked : _acquirers.FirstOrDefault();
        _profiles = _acquirer is null ? [] : await Profiles.ListAsync(_acquirer, CancellationToken.None);
        var name = _address["profile"];
        _chosen = name is null ? null : _profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private async Task AcquirerChangedAsync(string acquirer)
    {
        _saved = null;
        _address.Write(new Dictionary<string, string?> { ["acquirer"] = acquirer, ["profile"] = null });
        await OnLiveChangeAsync();
    }

    private async Task ChooseAsync(string? profile)
    {
        _saved = null;
        _address.Write(new Dictionary<string, string?> { ["acquirer"] = _acquirer, ["profile"] = profile });
        await OnLiveChangeAsync();
    }

    /// <summary>The saved profile opens as the one being edited, with a word that it was saved.</summary>
    private async Task SavedAsync(string name)
    {
        await ChooseAsync(name);
        _saved = name;
    }
}
