using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Api;

/// <summary>The settlement report that proves a sale was not credited: which import, which file, which booking days.</summary>
public sealed record CreditReportDto(long Id, string Acquirer, string FileName, DateOnly FirstDay, DateOnly LastDay, DateOnly SettledOn)
{
    public static CreditReportDto From(NotCreditedProof proof) =>
        new(proof.ReportId, proof.Acquirer, proof.FileName, proof.FirstBookedOn, proof.LastBookedOn, proof.SettledOn);
}
