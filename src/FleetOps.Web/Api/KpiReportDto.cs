using FleetOps.Core.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>
/// <c>GET /api/v1/maintenance/kpis</c> (FleetOps addition): the period, the zone its days are counted in, whether the
/// intervals are days or weeks (<c>interval</c>: <c>day</c> | <c>week</c>), the totals, the intervals, and the figures per
/// region and per technician.
/// </summary>
public sealed record KpiReportDto(DateTimeOffset From, DateTimeOffset To, string TimeZone, string Interval, KpiFiguresDto Totals,
    IReadOnlyList<KpiIntervalDto> Intervals, IReadOnlyList<KpiRegionDto> Regions, IReadOnlyList<KpiTechnicianDto> Technicians)
{
    public static KpiReportDto Of(KpiReport r, UserDirectory users) => new(r.From, r.To, r.Zone.Id, r.Weekly ? "week" : "day",
        KpiFiguresDto.From(r.Total), r.Buckets.Select(KpiIntervalDto.Of).ToList(),
        r.Regions.Select(g => new KpiRegionDto(g.Key ?? "", KpiFiguresDto.From(g.Figures))).ToList(),
        r.Technicians.Select(t => new KpiTechnicianDto(t.Key, t.Key is null ? null : users.DisplayNameOf(t.Key), KpiFiguresDto.From(t.Figures))).ToList());
}
