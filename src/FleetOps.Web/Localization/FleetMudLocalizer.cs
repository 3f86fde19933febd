using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FleetOps.Web.Localization;

/// <summary>MudBlazor's localisation hook: its grid, pager, picker and input texts from <see cref="MudBlazorText"/>.</summary>
public sealed class FleetMudLocalizer(IStringLocalizer<MudBlazorText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
