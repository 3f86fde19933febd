using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using MudBlazor;

namespace FleetOps.Web.Components.Shared;

/// <summary>One mapping from status to colour and words, so every page says the same thing the same way.</summary>
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

    public static string Words(Connectivity c) => c.ToString().ToLowerInvariant();
    public static string Words(PowerStatus p) => p.ToString().ToLowerInvariant();
    public static string Words(SoftwareStatus s) => s.ToString().ToLowerInvariant();
}
