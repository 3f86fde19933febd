using FleetOps.Core.Transactions;
using FleetOps.Web.Live;
using MudBlazor;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Components.Transactions;

/// <summary>One mapping from an unsettled reason to its colour, icon and explanation, so every page shows it the same way.</summary>
public static class ReasonLook
{
    public static Color Of(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => Color.Warning,
        UnsettledReason.InterruptedByPowerLoss => Color.Error,
        UnsettledReason.NotSettled => Color.Info,
        UnsettledReason.NotCredited => Color.Secondary, // proven by the acquirer's own report: the money did not arrive
        _ => Color.Error, // authorisation expiring: the money is about to be released back to the cardholder
    };

    public static string Icon(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => Icons.Material.Filled.HourglassBottom,
        UnsettledReason.InterruptedByPowerLoss => Icons.Material.Filled.PowerOff,
        UnsettledReason.NotSettled => Icons.Material.Filled.AccountBalance,
        UnsettledReason.NotCredited => Icons.Material.Filled.ReceiptLong,
        _ => Icons.Material.Filled.AlarmOn,
    };

    /// <summary>The resource key of what the reason means, for a tooltip (its name is <c>UiFormat.Name</c>).</summary>
    public static string ExplainKey(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => "Reason.Explain.Incomplete",
        UnsettledReason.InterruptedByPowerLoss => "Reason.Explain.InterruptedByPowerLoss",
        UnsettledReason.NotSettled => "Reason.Explain.NotSettled",
        UnsettledReason.NotCredited => "Reason.Explain.NotCredited",
        _ => "Reason.Explain.AuthorizationExpiring",
    };

}
