namespace FleetOps.Web.EmergencyPlans;

/// <summary>
/// The shipped template's steps, as resource keys (UiText, both languages): a procedure the manager has not rewritten
/// reads in each reader's language. Written from the product brief: the cardholder can be charged while the merchant is
/// never paid when power fails between authorisation and completion, so staff hand over nothing until the result is
/// clear, read the terminal's own record, give the acquirer the facts, and never charge the card twice blindly.
/// </summary>
public static class EmergencyTemplate
{
    private static readonly string[] PowerFailsMidPayment =
    [
        "EmergencyPlan.Step.PowerFailsMidPayment.1",
        "EmergencyPlan.Step.PowerFailsMidPayment.2",
        "EmergencyPlan.Step.PowerFailsMidPayment.3",
        "EmergencyPlan.Step.PowerFailsMidPayment.4",
        "EmergencyPlan.Step.PowerFailsMidPayment.5",
        "EmergencyPlan.Step.PowerFailsMidPayment.6",
    ];

    private static readonly string[] TerminalDies =
    [
        "EmergencyPlan.Step.TerminalDies.1",
        "EmergencyPlan.Step.TerminalDies.2",
        "EmergencyPlan.Step.TerminalDies.3",
        "EmergencyPlan.Step.TerminalDies.4",
        "EmergencyPlan.Step.TerminalDies.5",
    ];

    private static readonly string[] StorePowerOutage =
    [
        "EmergencyPlan.Step.StorePowerOutage.1",
        "EmergencyPlan.Step.StorePowerOutage.2",
        "EmergencyPlan.Step.StorePowerOutage.3",
        "EmergencyPlan.Step.StorePowerOutage.4",
        "EmergencyPlan.Step.StorePowerOutage.5",
    ];

    /// <summary>The resource keys of a procedure's template steps, in order.</summary>
    public static IReadOnlyList<string> StepKeys(EmergencyProcedure procedure) => procedure switch
    {
        EmergencyProcedure.PowerFailsMidPayment => PowerFailsMidPayment,
        EmergencyProcedure.TerminalDies => TerminalDies,
        _ => StorePowerOutage,
    };

    /// <summary>A procedure's template steps in one language, through <paramref name="text"/> (a localiser's lookup).</summary>
    public static IReadOnlyList<string> Steps(EmergencyProcedure procedure, Func<string, string> text) =>
        StepKeys(procedure).Select(text).ToList();
}
