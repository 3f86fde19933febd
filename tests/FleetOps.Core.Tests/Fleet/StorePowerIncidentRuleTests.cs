using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>Store power incidents (docs/api.md §6) from the store's power histories, fed through the fleet on a fake clock.</summary>
public class StorePowerIncidentRuleTests
{
    private const string Store = "SH-001";
    private static readonly string[] Terminals = ["T-1", "T-2", "T-3", "T-4"];
    private readonly FleetHarness _h = new();

    public StorePowerIncidentRuleTests()
    {
        foreach (var id in Terminals)
        {
            _h.Register(id, Store);
            _h.Deliver(id, _h.Heartbeat("b-1"));
        }
    }

    private DateTimeOffset Minute(double minutes) => FleetHarness.Start.AddMinutes(minutes);

    private IReadOnlyList<StorePowerIncident> Incidents() =>
        StorePowerIncidentRule.Find(Store, _h.Fleet.InStore(Store), _h.Fleet.Options);

    /// <summary>The mains of the store fail at minute 10 (three of four terminals die within a minute) and come back at 25.</summary>
    private Dictionary<string, TelemetryEvent[]> Outage() => new()
    {
        ["T-1"] = [_h.Power(PowerState.Lost, Minute(10)), _h.Heartbeat("b-2", Minute(25))],
        ["T-2"] = [_h.Power(PowerState.Lost, Minute(10.5)), _h.Heartbeat("b-2", Minute(25.5))],
        ["T-3"] = [_h.Power(PowerState.Brownout, Minute(11)), _h.Power(PowerState.Restored, Minute(26))],
    };

    [Fact]
    public void Losses_at_most_of_a_stores_terminals_within_two_minutes_are_one_incident_with_the_store_as_cause()
    {
        _h.Advance(TimeSpan.FromMinutes(30));
        foreach (var (id, events) in Outage()) _h.Deliver(id, events);

        var incident = Assert.Single(Incidents());

        Assert.Equal(Minute(10), incident.StartedAt);
        Assert.Equal(Minute(25), incident.EndedAt);
        Assert.Equal(["T-1", "T-2", "T-3"], incident.AffectedTerminals);
        Assert.Equal(4, incident.TerminalsInStore);
        Assert.Equal("PI-SH-001-D20261125T001000", incident.Id);
        Assert.All(["T-1", "T-2", "T-3"], id => Assert.Equal(LikelyCause.Store, _h[id].Assessment.LikelyCause));
    }

    [Fact]
    public void The_incident_stays_open_until_an_affected_terminal_reports_after_the_last_loss()
    {
        _h.Advance(TimeSpan.FromMinutes(12));
        foreach (var (id, events) in Outage()) _h.Deliver(id, events[0]);
        Assert.True(Assert.Single(Incidents()).IsOpen);

        _h.Advance(TimeSpan.FromMinutes(20));
        _h.Deliver("T-3", Outage()["T-3"][1]);

        Assert.Equal(Minute(26), Assert.Single(Incidents()).EndedAt);
    }

    [Fact]
    public void The_same_events_replayed_in_shuffled_order_give_the_same_incidents()
    {
        var other = new FleetHarness();
        foreach (var id in Terminals)
        {
            other.Register(id, Store);
            other.Deliver(id, other.Heartbeat("b-1"));
        }
        _h.Advance(TimeSpan.FromHours(2));
        other.Advance(TimeSpan.FromHours(2));
        var events = Outage().SelectMany(kv => kv.Value.Select(e => (Terminal: kv.Key, Event: e)))
            .Append(("T-1", _h.Power(PowerState.Lost, Minute(60)))).Append(("T-4", _h.Power(PowerState.Lost, Minute(60.5))))
            .Append(("T-2", _h.Power(PowerState.Lost, Minute(61)))).Append(("T-4", _h.Heartbeat("b-2", Minute(70))))
            .ToArray();
        foreach (var (id, e) in events) _h.Deliver(id, e);
        var shuffled = events.ToArray();
        new Random(7).Shuffle(shuffled);
        foreach (var (id, e) in shuffled) other.Deliver(id, e);

        var live = Incidents();
        var replayed = StorePowerIncidentRule.Find(Store, other.Fleet.InStore(Store), other.Fleet.Options);

        Assert.Equal(2, live.Count);
        Assert.Equal(live.Select(Describe), replayed.Select(Describe));
    }

    [Fact]
    public void A_single_devices_losses_are_no_incident()
    {
        _h.Advance(TimeSpan.FromHours(1));
        _h.Deliver("T-2", _h.Power(PowerState.Lost, Minute(5)), _h.Power(PowerState.Lost, Minute(6)), _h.Heartbeat("b-2", Minute(7)),
            _h.Power(PowerState.Brownout, Minute(30)));

        Assert.Empty(Incidents());
        Assert.Equal(LikelyCause.Device, _h["T-2"].Assessment.LikelyCause);
    }

    [Fact]
    public void Power_flickering_before_it_is_back_stays_one_incident_and_a_later_outage_is_another()
    {
        _h.Advance(TimeSpan.FromHours(3));
        foreach (var id in Terminals[..3]) _h.Deliver(id, _h.Power(PowerState.Lost, Minute(10)));
        foreach (var id in Terminals[..3]) _h.Deliver(id, _h.Power(PowerState.Lost, Minute(14))); // not back yet
        _h.Deliver("T-1", _h.Power(PowerState.Restored, Minute(20)));
        foreach (var id in Terminals[1..]) _h.Deliver(id, _h.Power(PowerState.Lost, Minute(90)));

        var incidents = Incidents();

        Assert.Equal(2, incidents.Count);
        Assert.Equal((Minute(10), Minute(20)), (incidents[0].StartedAt, incidents[0].EndedAt));
        Assert.Equal((Minute(90), (DateTimeOffset?)null), (incidents[1].StartedAt, incidents[1].EndedAt));
    }

    private static string Describe(StorePowerIncident i) =>
        $"{i.Id} {i.StartedAt:O} {i.EndedAt:O} {i.LastLossAt:O} {string.Join(",", i.AffectedTerminals)} {i.TerminalsInStore}";
}
