namespace FleetOps.Web.Onboarding;

/// <summary>The two file types an onboarding file may come in; both go through the same row pipeline.</summary>
public enum ImportFormat
{
    Csv,
    Xlsx,
}
