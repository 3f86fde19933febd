using FleetOps.Core.Training;
using FleetOps.Core.Fleet;
using FleetOps.Web.Security;
using FleetOps.Web.Training;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Training;

/// <summary>
/// A store's training record for audits (issue 15 item 6): who works there and when each was last trained in each
/// programme and until when, and every session held. Made for paper: css/print.css hides everything for clicking, starts
/// each section on a new page and repeats the tables' headers; the Print button calls js/print-page.js (no inline script:
/// the CSP allows this site's scripts only). Read once: a record printed is a record of a moment, stamped with it.
/// </summary>
public partial class TrainingRecord
{
    [Parameter] public string Code { get; set; } = "";

    [Inject] private TrainingBook Book { get; set; } = default!;
    [Inject] private TrainingService Training { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private StoreCompliance? _compliance;
    private IReadOnlyList<TrainingSession> _sessions = [];
    private string _storeName = "";
    private string? _timeZone;
    private bool _loaded;

    private IReadOnlyList<TrainingProgramme> Programmes => Book.Programmes;

    private string ProgrammeTitle(string key) => Programmes.FirstOrDefault(p => p.Key == key) is { } p ? TrainingText.Title(T, p) : key;

    protected override async Task OnParametersSetAsync()
    {
        var scope = await Access.ScopeAsync();
        // A store outside the reader's scope is answered as one that does not exist.
        if (Stores.Get(Code) is { } store && scope.AllowsStore(store))
        {
            _compliance = Training.Compliance(store.Code);
            _sessions = Book.SessionsOf(store.Code);
            _storeName = store.Name;
            _timeZone = store.TimeZone;
        }
        _loaded = true;
    }
}
