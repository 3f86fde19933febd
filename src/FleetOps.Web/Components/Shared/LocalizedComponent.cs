using FleetOps.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The base of every FleetOps component (set in Components/_Imports.razor): it follows the circuit's
/// <see cref="UiCulture"/>, so when the user picks another language (<see cref="CultureSwitch"/>) each component renders
/// again in it — with its fields, filters and scroll position as they were, on the same circuit.
/// </summary>
public abstract class LocalizedComponent : ComponentBase
{
    private string? _language;

    /// <summary>Being a subscriber is what makes the component render again on a change.</summary>
    [CascadingParameter] protected UiCulture? Language { get; set; }

    /// <summary>Texts a component computed in C# (chart series, labels) are made again after a change of language.</summary>
    protected virtual Task OnLanguageChangedAsync() => Task.CompletedTask;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        await base.SetParametersAsync(parameters);
        var language = Language?.Current.Name;
        if (_language is not null && language != _language)
        {
            _language = language;
            await OnLanguageChangedAsync();
            StateHasChanged();
        }
        _language = language;
    }
}
