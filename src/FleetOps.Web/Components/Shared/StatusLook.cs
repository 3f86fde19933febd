using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using MudBlazor;

namespace FleetOps.Web.Components.Shared;

/// <summary>One mapping from status to colour and icon, so every page shows it the same way; the words come from <c>UiFormat.Name</c>.</summary>
public static class StatusLook
{
    public static Color Of(Connectivity c) => c switch
    {
        Connectivity.Online => Color.Success,
        Connectivity.Offline => Color.Error,
        _ => Color.Default,
    };

    public static Color Of(PowerStatus p) => p == PowerStatus.Unstable ? Color.Warning : Color.Success;

    public static Color Of(SoftwareStatus s) => s switch
    {
        SoftwareStatus.Current => Color.Success,
        SoftwareStatus.Outdated => Color.Warning,
        SoftwareStatus.Unsupported => Color.Error,
        _ => Color.Default,
    };

    public static string Icon(Connectivity c) => c switch
    {
        Connectivity.Online => Icons.Material.Filled.Wifi,
        Connectivity.Offline => Icons.Material.Filled.WifiOff,
        _ => Icons.Material.Filled.HelpOutline,
    };
}
