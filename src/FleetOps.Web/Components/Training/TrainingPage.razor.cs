using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Training;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Training;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Training;

/// <summary>
/// A store's training (issue 15): its roster with each person's standing per programme, the people who left (their
/// history kept), the sessions held and a form to record one. Live: a session recorded or a person added anywhere (the API,
/// another page) shows here at once. Who may do what is <see cref="TrainingAccess"/>'s rule, so the page offers exactly what
/// <see cref="TrainingService"/> would accept; a store outside the person's scope looks like one that does not exist.
/// The view is in the address (<see cref="ViewAddress"/>, like every page): <c>programme</c> while the session form is
/// open (the chain overview's "plan a session" links here with it), <c>session</c> for the session opened in the list,
/// <c>left=1</c> when the people who left are shown — so a reload, a shared link or coming back shows the same view.
/// </summary>
public sealed partial class TrainingPage
{
    [Parameter] public string Code { get; set; } = "";

    [Inject] private TrainingBook Book { get; set; } = default!;
    [Inject] private TrainingService Training { get; set; } = default!;
    [Inject] private TrainingAccess Rules { get; set; } = default!;
    [Inject] private StoreDirectory Stores { get; set; } = default!;
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;

    private MaintenanceActor? _actor;
    private bool _loaded, _visible, _mayKeep, _mayRecord, _busy;
    private StoreCompliance? _compliance;
    private IReadOnlyList<StaffMember> _left = [];
    private IReadOnlyList<TrainingSession> _sessions = [];
    private long? _confirmLeave, _openSession;
    private bool _showLeft;
    private ViewAddress? _address;
    private string? _message;

    // The add-a-person form; what is missing shows at each field at once, a refusal at the field the service names.
    private bool _adding;
    private string? _name, _role, _startedOn;
    private readonly Dictionary<string, string> _staffErrors = [];

    private SessionForm? _session;

    protected override async Task OnParametersSetAsync()
    {
        _actor = await WorkActor.ResolveAsync(Access);
        StopFollowing();
        Read();
        Follow(Book, c => string.Equals(c.StoreCode, Code, StringComparison.OrdinalIgnoreCase));
        _address = FollowAddress(AddressChangedAsync);
        ReadAddress();
        _loaded = true;
    }

    private Task AddressChangedAsync()
    {
        ReadAddress();
        return Task.CompletedTask;
    }

    /// <summary>The view as the address gives it; what does not fit (an unknown programme or session) is ignored, as on every page.</summary>
    private void ReadAddress()
    {
        _openSession = long.TryParse(_address!["session"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _sessions.Any(s => s.Id == id) ? id : null;
        _showLeft = _address["left"] == "1";
        // Last: opening the form or switching its programme writes the whole view back, which must already be the address's.
        var programme = DefaultProgrammes.Find(_address["programme"]);
        if (programme is null || !_mayRecord) _session = null;
        else if (_session is null) StartSession(programme.Key);
        else _session.Programme = programme.Key;
    }

    private void WriteAddress() => _address?.Write(new Dictionary<string, string?>
    {
        ["programme"] = _session?.Programme,
        ["session"] = _openSession?.ToString(CultureInfo.InvariantCulture),
        ["left"] = _showLeft ? "1" : null,
    });

    private void ToggleSession(long id)
    {
        _openSession = _openSession == id ? null : id;
        WriteAddress();
    }

    private void ShowLeft(bool show)
    {
        _showLeft = show;
        WriteAddress();
    }

    private void CloseSession()
    {
        _session = null;
        WriteAddress();
    }

    protected override Task OnLiveChangeAsync()
    {
        Read();
        return Task.CompletedTask;
    }

    private void Read()
    {
        _visible = _actor is not null && Stores.Get(Code) is not null && Rules.CanSee(_actor, Code);
        if (!_visible || _actor is null) return;
        _mayKeep = Rules.CanKeepStaff(_actor, Code);
        _mayRecord = Rules.CanRecord(_actor, Code);
        _compliance = Training.Compliance(Code);
        _left = Book.StaffOf(Code).Where(s => s.HasLeft).ToList();
        _sessions = Book.SessionsOf(Code);
    }

    private string StoreHref => $"stores/{Uri.EscapeDataString(Code)}";

    private string NameOf(long staffId) => Book.Staff(staffId)?.Name ?? staffId.ToString(CultureInfo.InvariantCulture);

    private string ProgrammeTitle(string key) => T[$"Training.{key}"];

    private void StartAdding()
    {
        (_adding, _name, _role, _startedOn) = (true, null, null, null);
        _staffErrors.Clear();
    }

    private async Task AddAsync()
    {
        if (_actor is null) return;
        _staffErrors.Clear();
        if (string.IsNullOrWhiteSpace(_name)) _staffErrors["name"] = TrainingFields.Required(T, "name");
        if (string.IsNullOrWhiteSpace(_role)) _staffErrors["role"] = TrainingFields.Required(T, "role");
        if (ParseDay(_startedOn) is null) _staffErrors["startedOn"] = TrainingFields.Required(T, "startedOn");
        if (_staffErrors.Count > 0) return;
        _busy = true;
        try
        {
            var result = await Training.AddStaffAsync(Code, _name, _role, ParseDay(_startedOn), _actor, null);
            if (result.Value is { } person)
            {
                (_adding, _message) = (false, T["Training.Added", person.Name]);
                Read();
                return;
            }
            _staffErrors[result.Field ?? "name"] = TrainingFields.Refusal(T, F, result.Field, result.Detail ?? "");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task LeaveAsync(long staffId)
    {
        if (_actor is null) return;
        var result = await Training.MarkLeftAsync(Code, staffId, _actor, null);
        _confirmLeave = null;
        _message = result.Value is { } person ? T["Training.MarkedLeft", person.Name] : F.Message(result.Detail ?? "");
        Read();
        // Whoever just left is shown among the people who left, so the manager sees their history is kept.
        if (result.Value is not null) ShowLeft(true);
    }

    private void OpenSession() => StartSession(Book.Programmes[0].Key);

    private void StartSession(string programme)
    {
        if (_actor is null) return;
        _session = new SessionForm(programme, Training.Today(Code).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Users.DisplayNameOf(_actor.Name));
        _session.ProgrammeChosen += _ => WriteAddress();
        WriteAddress();
    }

    private async Task RecordAsync()
    {
        if (_actor is null || _session is null) return;
        _busy = true;
        try
        {
            var result = await Training.RecordSessionAsync(_session.ToDraft(Code, ParseDay(_session.HeldOn)), _actor, null);
            if (result.Value is { } saved)
            {
                (_session, _message, _openSession) = (null, T["Training.Recorded"], saved.Id);
                Read();
                WriteAddress();
                return;
            }
            _session.Refused(result.Field ?? "programme", TrainingFields.Refusal(T, F, result.Field, result.Detail ?? ""));
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A day typed in a date field (yyyy-MM-dd); anything else is no day, which the service refuses at its field.</summary>
    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private string? StaffError(string field) => _staffErrors.GetValueOrDefault(field);
}
