using FleetOps.Core.Maintenance;
using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>A plan's recurrence in words ("every 3 months, from the last completion"), the same on the plans page and in its dialog.</summary>
public static class PlanText
{
    public static string Recurrence(IStringLocalizer<UiText> texts, UiFormat format, MaintenancePlan plan) =>
        texts["Plans.RecurrenceText", Every(format, plan.Every), format.Name(plan.Basis)];

    /// <summary>"every day", "every 2 weeks": counted, so each language says one and several its own way.</summary>
    public static string Every(UiFormat format, Recurrence every) => every.Unit switch
    {
        RecurrenceUnit.Day => format.Count("Plans.Every.Day", every.Count),
        RecurrenceUnit.Week => format.Count("Plans.Every.Week", every.Count),
        _ => format.Count("Plans.Every.Month", every.Count),
    };
}
