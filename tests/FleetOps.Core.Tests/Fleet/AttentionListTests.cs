using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>Issue 11: the role homes list what needs doing by urgency, and a technician sees only a technician's work.</summary>
public sealed class AttentionListTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static TerminalSnapshot Terminal(string id, Connectivity connectivity = Connectivity.Online, PowerStatus power = PowerStatus.Stable,
        LikelyCause? cause = null, SoftwareStatus software = SoftwareStatus.Current, TimeSpan? silentFor = null, TimeSpan? lastLossAgo = null,
        bool decommissioned = false) =>
        new(new TerminalRegistration(id, "S-1", "A920", null, decommissioned))
        {
            LastContactAt = Now - (silentFor ?? TimeSpan.FromMinutes(1)),
            Assessment = new TerminalAssessment(connectivity, power, power == PowerStatus.Unstable ? 3 : 0,
                lastLossAgo is { } ago ? Now - ago : null, cause, software),
        };

    [Fact]
    public void Offline_comes_first_longest_silent_first_then_power_then_software()
    {
        var items = AttentionList.For(
        [
            Terminal("T-OUTDATED", software: SoftwareStatus.Outdated),
            Terminal("T-UNSTABLE", power: PowerStatus.Unstable, cause: LikelyCause.Device, lastLossAgo: TimeSpan.FromHours(1)),
            Terminal("T-OFF-SHORT", Connectivity.Offline, silentFor: TimeSpan.FromMinutes(10)),
            Terminal("T-OFF-LONG", Connectivity.Offline, silentFor: TimeSpan.FromHours(5)),
            Terminal("T-FINE"),
            Terminal("T-UNSUPPORTED", software: SoftwareStatus.Unsupported),
            Terminal("T-STORE", power: PowerStatus.Unstable, cause: LikelyCause.Store, lastLossAgo: TimeSpan.FromHours(2)),
        ]);

        Assert.Equal(["T-OFF-LONG", "T-OFF-SHORT", "T-UNSTABLE", "T-STORE", "T-UNSUPPORTED", "T-OUTDATED"], items.Select(i => i.Terminal.TerminalId));
        Assert.Equal(AttentionReason.UnstablePowerStore, items[3].Reason);
        Assert.Equal(Now - TimeSpan.FromHours(5), items[0].Since);
    }

    [Fact]
    public void A_technician_does_not_get_store_wide_power_or_remote_updates_and_nobody_gets_decommissioned_terminals()
    {
        var items = AttentionList.For(
        [
            Terminal("T-STORE", power: PowerStatus.Unstable, cause: LikelyCause.Store, lastLossAgo: TimeSpan.FromHours(2)),
            Terminal("T-OUTDATED", software: SoftwareStatus.Outdated),
            Terminal("T-DEVICE", power: PowerStatus.Unstable, cause: LikelyCause.Device, lastLossAgo: TimeSpan.FromHours(2)),
            Terminal("T-GONE", Connectivity.Offline, decommissioned: true),
        ], forTechnician: true);

        Assert.Equal(["T-DEVICE"], items.Select(i => i.Terminal.TerminalId));
    }

    [Fact]
    public void A_terminal_with_two_problems_is_listed_once_per_problem()
    {
        var items = AttentionList.For([Terminal("T-1", Connectivity.Offline, PowerStatus.Unstable, LikelyCause.Device, lastLossAgo: TimeSpan.FromHours(1))]);

        Assert.Equal([AttentionReason.Offline, AttentionReason.UnstablePowerDevice], items.Select(i => i.Reason));
    }
}
