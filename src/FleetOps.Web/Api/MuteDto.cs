using FleetOps.Core.Alerts;

namespace FleetOps.Web.Api;

/// <summary>A mute window as <c>GET /api/v1/mutes</c> gives it.</summary>
public sealed record MuteDto(long Id, string StoreCode, string? TerminalId, DateTimeOffset From, DateTimeOffset Until, string Reason, string CreatedBy)
{
    public static MuteDto Of(MuteWindow m) => new(m.Id, m.StoreCode, m.TerminalId, m.From, m.Until, m.Reason, m.CreatedBy);
}
