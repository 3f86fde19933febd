using System.Text.RegularExpressions;
using FleetOps.Core.Wire;
using FleetOps.Web.EmergencyPlans;
using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Components.EmergencyPlans;

/// <summary>
/// What the plan's form calls a field the service names in the API's spelling: a refusal or a clash with another save then
/// reads "Hotline phone" or "“A terminal dies”, step 2", never <c>hotline.phone</c> or <c>steps.terminal_dies[1]</c>.
/// </summary>
public static partial class EmergencyPlanLabels
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["hotline.name"] = "EmergencyPlan.HotlineName", ["hotline.phone"] = "EmergencyPlan.HotlinePhone",
        ["technician.name"] = "EmergencyPlan.TechnicianName", ["technician.phone"] = "EmergencyPlan.TechnicianPhone",
        ["electrician.name"] = "EmergencyPlan.ElectricianName", ["electrician.phone"] = "EmergencyPlan.ElectricianPhone",
        ["otherContacts"] = "EmergencyPlan.OtherContact", ["upsLocation"] = "EmergencyPlan.Ups",
        ["spareTerminalLocation"] = "EmergencyPlan.SpareTerminal", ["paperFormsLocation"] = "EmergencyPlan.PaperForms",
    };

    [GeneratedRegex(@"^otherContacts\[(?<index>\d+)\]\.(?<part>name|phone)$")]
    private static partial Regex OtherContactField();

    [GeneratedRegex(@"^steps\.(?<procedure>[a-z_]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex StepsField();

    /// <summary>The label of <paramref name="field"/> in the reader's language; the field itself when the form has no such field.</summary>
    public static string Of(string field, IStringLocalizer<UiText> t, UiFormat f)
    {
        if (Fixed.TryGetValue(field, out var key)) return t[key];
        if (OtherContactField().Match(field) is { Success: true } other)
            return t["EmergencyPlan.OtherContactField", Number(other) + 1,
                t[other.Groups["part"].Value == "name" ? "EmergencyPlan.OtherName" : "EmergencyPlan.OtherPhone"]];
        if (StepsField().Match(field) is { Success: true } steps && WireNames.TryParse<EmergencyProcedure>(steps.Groups["procedure"].Value, out var procedure))
            return steps.Groups["index"].Success ? t["EmergencyPlan.StepOf", f.Name(procedure), Number(steps) + 1] : f.Name(procedure);
        return field;
    }

    private static int Number(Match match) => int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
}
