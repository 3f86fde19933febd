using FleetOps.Core.Transactions;
using FleetOps.Web.Localization;

namespace FleetOps.Web.Components.Transactions;

/// <summary>How the success figures read everywhere (page, store section, comparisons): a dash where there was no sale.</summary>
public static class SuccessText
{
    public static string Rate(SaleCounts counts, UiFormat format) => counts.SuccessRate is { } rate ? format.Percent1(rate) : "—";

    public static string PerThousand(SaleCounts counts, UiFormat format) =>
        counts.FailuresPerThousand is { } value ? value.ToString("N1", format.Culture) : "—";
}
