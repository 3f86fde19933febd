using MudBlazor;

namespace FleetOps.Web.Components.Layout;

/// <summary>One palette for the whole site: status colours must mean the same on every page.</summary>
public static class FleetTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            Secondary = "#5c6bc0",
            AppbarBackground = "#16324f",
            Success = "#2e7d32",
            Error = "#c62828",
            Warning = "#ed6c02",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
