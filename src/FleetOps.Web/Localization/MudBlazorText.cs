namespace FleetOps.Web.Localization;

/// <summary>
/// MudBlazor's own texts (data grid, pager, pickers, inputs) in both languages: <c>MudBlazorText.resx</c> and
/// <c>MudBlazorText.zh-CN.resx</c>, keyed by MudBlazor's resource names (<c>MudDataGridPager_RowsPerPage</c>).
/// Kept apart from <see cref="UiText"/> because MudBlazor, not FleetOps' sources, uses these keys.
/// </summary>
public sealed class MudBlazorText;
