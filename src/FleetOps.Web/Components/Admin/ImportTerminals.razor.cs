using System.Text;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// Bulk onboarding for administrators: the same <see cref="OnboardingImport"/> as the API, with a progress bar fed by
/// rows read and rows written, the per-row problems, and the keys file handed to the browser once.
/// </summary>
public partial class ImportTerminals
{
    [Inject] private CurrentAccess Access { get; set; } = default!;
    [Inject] private UserDirectory Directory { get; set; } = default!;
    [Inject] private OnboardingImport Import { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private bool _checked, _isAdministrator, _running, _keysDownloaded;
    private string _status = "", _fileName = "";
    private double? _percent;
    private ImportOutcome? _outcome;
    private MudFileUpload<IBrowserFile>? _upload;

    protected override async Task OnInitializedAsync()
    {
        _isAdministrator = await Access.IsAdministratorAsync();
        // Losing the administrator role hides the page at once.
        Follow(Directory, minInterval: TimeSpan.Zero);
        _checked = true;
    }

    protected override async Task OnLiveChangeAsync() => _isAdministrator = await Access.IsAdministratorAsync();

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || _running) return;
        try
        {
            await ReadAsync(file);
        }
        finally
        {
            // The browser raises no change for the file the input holds already: "fix the file and choose it again" must
            // start a new import, so the input forgets each file once it has been read.
            if (_upload is not null) await _upload.ClearAsync();
        }
    }

    private async Task ReadAsync(IBrowserFile file)
    {
        _fileName = file.Name;
        _outcome = null;
        _keysDownloaded = false;
        var format = OnboardingApi.FormatOf(null, file.Name);
        if (format is null || file.Size > OnboardingImport.MaxBytes)
        {
            var problem = format is null ? T["Import.WrongType"].Value : OnboardingImport.TooLargeMessage;
            _outcome = ImportOutcome.Refused([new ImportError(0, null, problem)], 1);
            return;
        }
        // The person may have lost the administrator role while the file picker was open.
        if (!await Access.IsAdministratorAsync()) return;

        _running = true;
        _status = T["Import.Uploading", file.Name, F.Number((long)Math.Round(file.Size / 1024.0))];
        _percent = null;
        StateHasChanged();
        try
        {
            var actor = await Access.ActorNameAsync();
            await using var stream = file.OpenReadStream(OnboardingImport.MaxBytes);
            _outcome = await Import.RunAsync(stream, format.Value, actor, null, Progress());
        }
        finally
        {
            _running = false;
        }
    }

    private ThrottledProgress<ImportProgress> Progress() => new(OnProgress, p => p.Done == p.Total, () => _ = InvokeAsync(StateHasChanged), Time);

    private void OnProgress(ImportProgress progress)
    {
        _status = progress.Stage == ImportStage.Reading
            ? progress.Total > 0 ? T["Import.CheckingOf", F.Number(progress.Done), F.Number(progress.Total)] : T["Import.Checking", F.Number(progress.Done)]
            : T["Import.Writing", F.Number(progress.Done), F.Number(progress.Total)];
        _percent = progress.Percent;
    }

    /// <summary>Hands the keys file to the browser, then forgets the keys: they exist nowhere else on the server.</summary>
    private async Task DownloadKeysAsync()
    {
        if (_outcome is not { Imported: true } done) return;
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(done.KeysCsv()));
        using var reference = new DotNetStreamReference(content);
        await Js.InvokeVoidAsync("fleetOps.downloadFile", OnboardingApi.KeysFileName(done), OnboardingApi.CsvType, reference);
        _outcome = done with { Keys = [] };
        _keysDownloaded = true;
    }
}
