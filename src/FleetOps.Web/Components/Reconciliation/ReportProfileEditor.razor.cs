using FleetOps.Core.Reconciliation;
using FleetOps.Core.Wire;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FleetOps.Web.Components.Reconciliation;

/// <summary>
/// Edits one acquirer's column-mapping profile (issue 16 item 1). A sample file's header gives the choices for each
/// generic column; the mapping is checked by the same rule a save uses (<see cref="ReportProfileRules"/>, its message
/// shown as it is) and, once it holds, the sample's first rows are read with it exactly as an import reads them
/// (<see cref="ReportSample"/>). The sample is only a temporary file of this editor, gone when it closes or another comes.
/// Saving goes through <see cref="ReportProfiles"/>, the profile API's one rule.
/// </summary>
public partial class ReportProfileEditor : IAsyncDisposable
{
    /// <summary>The name a draft carries while only being checked for the preview (a new profile may not have one yet).</summary>
    private const string PreviewName = "preview";

    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private ReportProfiles Profiles { get; set; } = default!;

    [Parameter, EditorRequired] public string Acquirer { get; set; } = "";

    /// <summary>The saved profile to edit; null for a new one.</summary>
    [Parameter] public ReportProfile? Profile { get; set; }

    /// <summary>Told the profile's name after a save.</summary>
    [Parameter] public EventCallback<string> Saved { get; set; }

    private readonly Dictionary<ReportColumn, string> _columns = [];
    private readonly Dictionary<SettlementItemType, string> _typeWords = [];
    private string _name = "", _dateFormat = ReportLayout.Generic.DateFormat;
    private bool _major, _reading, _saving;
    private ReportSample? _sample;
    private ReportSampleRefusal? _refusal;
    private ReportPreview? _preview;
    private Dictionary<string, string[]> _ruleErrors = [];
    private Dictionary<string, string[]> _saveErrors = [];

    protected override async Task OnInitializedAsync()
    {
        if (Profile is { Layout: var layout })
        {
            foreach (var (column, header) in layout.Headers) _columns[column] = header;
            _dateFormat = layout.DateFormat;
            _major = layout.AmountsInMajorUnits;
            foreach (var words in (layout.TypeWords ?? new Dictionary<string, SettlementItemType>()).GroupBy(w => w.Value))
            {
                _typeWords[words.Key] = string.Join(", ", words.Select(w => w.Key));
            }
        }
        await RefreshAsync();
    }

    private ReportProfileDraft Draft(string name) => new(name,
        _columns.Where(c => c.Value.Length > 0).ToDictionary(c => c.Key.ToWire(), c => c.Value),
        _dateFormat, _major,
        _typeWords.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(word => (Word: word, Type: t.Key.ToWire())))
            .DistinctBy(w => w.Word, StringComparer.OrdinalIgnoreCase).ToDictionary(w => w.Word, w => w.Type, StringComparer.OrdinalIgnoreCase));

    /// <summary>The rule's verdict on the mapping as it stands and, when it holds and a sample is there, the preview.</summary>
    private async Task RefreshAsync()
    {
        var (layout, errors) = ReportProfileRules.Check(Draft(PreviewName));
        _ruleErrors = errors;
        _preview = null;
        if (layout is null || _sample is not { } sample) return;
        _reading = true;
        StateHasChanged();
        try
        {
            // The whole sample is read (its rows past the preview only for the card guard): not on the circuit's thread.
            var preview = await Task.Run(() => sample.Preview(layout, CancellationToken.None));
            if (preview.Refusal is { DiscardsSample: true } refusal) await DiscardAsync(refusal);
            else _preview = preview;
        }
        finally
        {
            _reading = false;
        }
    }

    private async Task SampleChosenAsync(IBrowserFile? file)
    {
        if (file is null || _reading) return;
        await DiscardAsync(null);
        var format = OnboardingApi.FormatOf(null, file.Name);
        if (format is null) _refusal = ReportSampleRefusal.Unreadable;
        else if (file.Size > ReconciliationService.MaxBytes) _refusal = ReportSampleRefusal.TooLarge;
        if (_refusal is not null || format is null) return;
        _reading = true;
        StateHasChanged();
        try
        {
            await using var stream = file.OpenReadStream(ReconciliationService.MaxBytes);
            (_sample, _refusal) = await ReportSample.CreateAsync(file.Name, format.Value, stream, CancellationToken.None);
        }
        finally
        {
            _reading = false;
        }
        if (_sample is { } sample) MapSameNames(sample);
        await RefreshAsync();
    }

    /// <summary>A column whose generic header the sample uses, or whose mapping the sample still has, is mapped to it.</summary>
    private void MapSameNames(ReportSample sample)
    {
        foreach (var column in Enum.GetValues<ReportColumn>())
        {
            var kept = _columns.GetValueOrDefault(column) is { Length: > 0 } current ? sample.Header.FirstOrDefault(h => Same(h, current)) : null;
            var generic = sample.Header.FirstOrDefault(h => Same(h, ReportLayout.Generic.HeaderOf(column)));
            _columns[column] = kept ?? generic ?? "";
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private async Task DiscardAsync(ReportSampleRefusal? refusal)
    {
        _refusal = refusal;
        _preview = null;
        if (_sample is { } old)
        {
            _sample = null;
            await old.DisposeAsync();
        }
    }

    private async Task ColumnChangedAsync(ReportColumn column, string header)
    {
        _columns[column] = header;
        await RefreshAsync();
    }

    private async Task DateFormatChangedAsync(string format)
    {
        _dateFormat = format;
        await RefreshAsync();
    }

    private async Task MajorChangedAsync(bool major)
    {
        _major = major;
        await RefreshAsync();
    }

    private async Task TypeWordsChangedAsync(SettlementItemType type, string words)
    {
        _typeWords[type] = words;
        await RefreshAsync();
    }

    private void NameChanged(string name)
    {
        _name = name;
        _saveErrors.Remove("name");
    }

    private async Task SaveAsync()
    {
        if (_saving || !await Access.IsAdministratorAsync()) return;
        _saving = true;
        try
        {
            var (profile, errors) = await Profiles.SaveAsync(Acquirer, Draft(Profile?.Name ?? _name), await Access.ActorNameAsync(), null,
                CancellationToken.None);
            _saveErrors = errors;
            if (profile is not null) await Saved.InvokeAsync(profile.Name);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>A field's message from the last save, else from the rule as the mapping stands.</summary>
    private string? ErrorOf(string field) =>
        (_saveErrors.GetValueOrDefault(field) ?? _ruleErrors.GetValueOrDefault(field))?.FirstOrDefault() is { } message ? F.Message(message) : null;

    /// <summary>The sample's headers; without a sample, the header the profile maps now, so the choice shows what it is.</summary>
    private IEnumerable<string> Choices(ReportColumn column) =>
        _sample?.Header ?? (_columns.GetValueOrDefault(column) is { Length: > 0 } header ? [header] : []);

    private string ColumnLabel(ReportColumn column) =>
        ReportProfileRules.Required.Contains(column) ? T["ReconProfiles.ColumnRequired", column.ToWire()] : column.ToWire();

    private string RefusalText(ReportSampleRefusal refusal) => refusal.Kind switch
    {
        ReportSampleRefusalKind.TooLarge => F.Message(ReconciliationService.TooLargeMessage),
        ReportSampleRefusalKind.Empty => T["ReconProfiles.SampleEmpty"],
        ReportSampleRefusalKind.CardNumber => T["ReconProfiles.SampleCardNumber", refusal.Row],
        _ => T["ReconProfiles.SampleUnreadable"],
    };

    public async ValueTask DisposeAsync() => await DiscardAsync(null);
}
