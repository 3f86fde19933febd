namespace FleetOps.Web.Onboarding;

public enum ImportStage
{
    Reading,
    Writing,
}
