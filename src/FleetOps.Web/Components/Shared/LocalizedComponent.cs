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
    /// <summary>Never read: being a subscriber is what makes the component render again on a change.</summary>
    [CascadingParameter] protected UiCulture? Language { get; set; }
}
