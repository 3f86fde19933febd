using FleetOps.Core.Transactions;
using FleetOps.Web.Live;
using MudBlazor;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Components.Transactions;

/// <summary>One mapping from an unsettled reason to its colour, words and wire name, so every page says it the same way.</summary>
public static class ReasonLook
{
    public static Color Of(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => Color.Warning,
        UnsettledReason.InterruptedByPowerLoss => Color.Error,
        UnsettledReason.NotSettled => Color.Info,
        _ => Color.Error, // authorisation expiring: the money is about to be released back to the cardholder
    };

    public static string Words(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => "Incomplete",
        UnsettledReason.InterruptedByPowerLoss => "Interrupted by power loss",
        UnsettledReason.NotSettled => "Not settled",
        _ => "Authorisation expiring",
    };

    public static string Icon(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => Icons.Material.Filled.HourglassBottom,
        UnsettledReason.InterruptedByPowerLoss => Icons.Material.Filled.PowerOff,
        UnsettledReason.NotSettled => Icons.Material.Filled.AccountBalance,
        _ => Icons.Material.Filled.AlarmOn,
    };

    /// <summary>What the reason means, for a tooltip.</summary>
    public static string Explain(UnsettledReason reason) => reason switch
    {
        UnsettledReason.Incomplete => "Authorised, but the sale was never completed, voided or reversed (signature step skipped or sale abandoned).",
        UnsettledReason.InterruptedByPowerLoss => "Authorised, then the terminal lost power before the sale was completed.",
        UnsettledReason.NotSettled => "Completed, but its batch was not settled within the settle limit.",
        _ => "Still not settled and the authorisation is about to expire: the bank may release the money to the cardholder.",
    };

    public static UnsettledReason? Parse(string? wire) =>
        WireNames.TryParse(wire?.Trim().ToLowerInvariant(), out UnsettledReason reason) ? reason : null;
}
