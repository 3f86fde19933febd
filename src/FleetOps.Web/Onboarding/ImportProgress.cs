namespace FleetOps.Web.Onboarding;

/// <summary>Where an import is: rows read so far (total estimated for CSV, unknown = 0 for XLSX), then rows written.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total)
{
    /// <summary>0–100 over both stages (reading is the first half), or null while the total is unknown.</summary>
    public double? Percent => Total <= 0 ? null
        : Math.Clamp((Stage == ImportStage.Writing ? 50 : 0) + 50.0 * Done / Total, 0, 100);
}
