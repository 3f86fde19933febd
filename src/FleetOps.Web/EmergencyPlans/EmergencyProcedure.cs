using System.Text.Json.Serialization;

namespace FleetOps.Web.EmergencyPlans;

/// <summary>The situations a store's emergency plan walks staff through, in the order the plan lists them.</summary>
public enum EmergencyProcedure
{
    [JsonStringEnumMemberName("power_fails_mid_payment")] PowerFailsMidPayment,
    [JsonStringEnumMemberName("terminal_dies")] TerminalDies,
    [JsonStringEnumMemberName("store_power_outage")] StorePowerOutage,
}
