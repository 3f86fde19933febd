using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Web.Background;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FleetOps.Web.Components.Reconciliation;

/// <summary>
/// Settlement report import for administrators (issue 16 item 1): the acquirer and its profile, the file streamed from
/// the browser into <see cref="ReconciliationService"/> (which spools it to disk, so the circuit never holds the file), a
/// progress bar fed by the import's rows and bytes, the outcome, and every report imported so far with its detail. The
/// report shown and the list's page live in the address (<c>report</c>, <c>page</c>), so "this morning's report" is a link;
/// times are in the zone the stores share, as the reconciliation figures count days.
/// </summary>
public partial class ReportImportPage
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private UserDirectory Directory { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private ReconciliationService Reconciliation { get; set; } = default!;
    [Inject] private ReportProfiles Profiles { get; set; } = default!;

    private bool _checked, _isAdministrator, _running, _again;
    private string _status = "", _fileName = "";
    private string? _acquirer, _profile = Core.Reconciliation.ReportLayout.GenericName, _problem;
    private double? _percent;
    private IReadOnlyList<string> _acquirers = [];
    private IReadOnlyList<ReportProfile> _profiles = [];
    private IReadOnlyList<ReportSummary> _reports = [];
    private ReportSummary? _selected;
    private ViewAddress _address = default!;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private int _reportsPage;
    private const int RowsPerPage = 20;

    /// <summary>The profiles page for the acquirer chosen here, where a profile this page offers is made.</summary>
    private string ProfilesHref => _acquirer is null ? "/reconciliation/profiles" : $"/reconciliation/profiles?acquirer={Uri.EscapeDataString(_acquirer)}";

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        _address = FollowAddress(() =>
        {
            ReadAddress();
            return Task.CompletedTask;
        });
        Follow(Directory, minInterval: TimeSpan.Zero);
        Follow(Reconciliation);
        Follow(Stores);
        await OnLiveChangeAsync();
        ReadAddress();
        _acquirer = _acquirers.FirstOrDefault();
        await LoadProfilesAsync();
        _checked = true;
    }

    protected override async Task OnLiveChangeAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        if (!_isAdministrator) return;
        _acquirers = Stores.All.Select(s => s.Acquirer).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        _reports = await Reconciliation.ListAsync(AccessScope.All);
        _zone = StoreTime.Common(Stores, null);
    }

    /// <summary>The report and page the address names; a report id not (or no longer) in the list shows none.</summary>
    private void ReadAddress()
    {
        _selected = long.TryParse(_address["report"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? _reports.FirstOrDefault(r => r.Id == id)
            : null;
        _again = false;
        _reportsPage = TablePage.Read(_address, "page", _reports.Count, RowsPerPage);
    }

    private void Show(ReportSummary? report) =>
        _address.Write(new Dictionary<string, string?> { ["report"] = report?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private void ReportsPageChanged(int index)
    {
        _reportsPage = index;
        _address.Write(new Dictionary<string, string?> { ["page"] = TablePage.Parameter(index) });
    }

    private async Task AcquirerChangedAsync(string acquirer)
    {
        _acquirer = acquirer;
        await LoadProfilesAsync();
    }

    private async Task LoadProfilesAsync()
    {
        _profiles = await Profiles.ListAsync(_acquirer, CancellationToken.None);
        if (_profiles.All(p => p.Name != _profile)) _profile = Core.Reconciliation.ReportLayout.GenericName;
    }

    private void Select(ReportSummary report)
    {
        (_selected, _again) = (report, false);
        Show(report);
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || _running || _acquirer is null) return;
        (_fileName, _problem, _selected) = (file.Name, null, null);
        Show(null);
        var format = OnboardingApi.FormatOf(null, file.Name);
        if (format is null || file.Size > ReconciliationService.MaxBytes)
        {
            _problem = format is null ? T["Import.WrongType"].Value : ReconciliationService.TooLargeMessage;
            return;
        }
        if (!await Access.IsAdministratorAsync()) return;

        _running = true;
        _status = T["Import.Uploading", file.Name, F.Number((long)Math.Round(file.Size / 1024.0))];
        _percent = null;
        StateHasChanged();
        try
        {
            var upload = new ReportUpload(file.Name, format.Value, _acquirer, _profile, await Access.ActorNameAsync());
            // The browser's stream goes straight into the service's spool file: 50 MB never sit in the circuit.
            await using var stream = file.OpenReadStream(ReconciliationService.MaxBytes);
            await using var spool = await ReportSpool.CreateAsync(stream, ReconciliationService.MaxBytes, CancellationToken.None);
            // The import reads and writes synchronously for long stretches (SQLite has no real async): on the circuit's
            // thread it would hold back every render until the end, and the bar would jump from nothing to done. On a
            // pool worker it held one of a two-core server's two, and the bar's renders could wait for the end just the
            // same (seen in CI: the bar went from nothing to 100 %); on a thread of its own the pool stays free.
            var outcome = await OffThePool.RunAsync(() => Reconciliation.ImportAsync(upload, spool, Progress()));
            _problem = outcome.Problem;
            _selected = outcome.Report;
            _again = outcome.Status == ReportImportStatus.AlreadyImported;
            _reports = await Reconciliation.ListAsync(AccessScope.All);
            Show(_selected);
        }
        finally
        {
            _running = false;
        }
    }

    private ThrottledProgress<ReportReadProgress> Progress() => new(OnProgress, p => p.BytesRead == p.TotalBytes, () => _ = InvokeAsync(StateHasChanged), Time);

    private void OnProgress(ReportReadProgress progress)
    {
        _status = T[progress.Stage == ReportImportStage.Checking ? "ReconImport.Checking" : "ReconImport.Matching", F.Number(progress.RowsRead),
            F.Percent(progress.Percent / 100)];
        _percent = progress.Percent;
    }
}
