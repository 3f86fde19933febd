using FleetOps.Core.Telemetry;
using FleetOps.Core.Training;
using FleetOps.Web.Training;

namespace FleetOps.Web.Components.Training;

/// <summary>The one spelling of the training pages' addresses, and which programme fits a store's failures.</summary>
public static class TrainingAddress
{
    /// <summary>The overview narrowed to one region's stores with staff of one standing (due soon, overdue, never trained).</summary>
    public static string Overview(string region, string status) =>
        $"training?region={Uri.EscapeDataString(region)}&status={Uri.EscapeDataString(status)}";

    public static string Store(string storeCode) => $"stores/{Uri.EscapeDataString(storeCode)}/training";

    public static string Record(string storeCode) => $"{Store(storeCode)}/record";

    public static string Plan(string storeCode, string programme) => $"{Store(storeCode)}?programme={Uri.EscapeDataString(programme)}";

    /// <summary>
    /// A sale that ended reversed was cut off mid-payment (the terminal lost the result and the host took it back): the
    /// power-fails-mid-payment procedure is what the staff lacked. Sales left authorised or voided by hand are the
    /// card-payment procedure's (waiting for the result, the signature step). The kind most failures share decides.
    /// </summary>
    public static string ProgrammeFor(IReadOnlyCollection<FailedPayment> failures) =>
        failures.Count(f => f.LastStage == TransactionStage.Reversed) * 2 > failures.Count ? DefaultProgrammes.PowerFailure : DefaultProgrammes.CardPayment;
}
