using FleetOps.Core.Alerts;

namespace FleetOps.Core.Tests.Alerts;

/// <summary>The rules of docs/api.md §5: one active alert per subject, auto-resolve, reopen within the window, no flapping.</summary>
public sealed class AlertLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Reopen = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Touch = TimeSpan.FromMinutes(5);
    private static readonly IReadOnlySet<AlertKind> FleetKinds = new HashSet<AlertKind> { AlertKind.Offline, AlertKind.UnstablePower };
    private static readonly AlertSubject T1Offline = new(AlertKind.Offline, "S-1", "T-1");

    private static AlertCondition Offline(string terminal = "T-1", DateTimeOffset? since = null) =>
        new(new AlertSubject(AlertKind.Offline, "S-1", terminal), AlertSeverity.Warning, since ?? T0);

    /// <summary>Runs steps like the evaluator does: each step's changes become the next step's latest alerts (ids given as saved).</summary>
    private sealed class Centre
    {
        private long _ids;
        public Dictionary<AlertSubject, Alert> Latest { get; } = [];

        public IReadOnlyList<AlertChange> Step(DateTimeOffset now, params AlertCondition[] conditions)
        {
            var changes = AlertLifecycle.Step(Latest, conditions, FleetKinds, now, Reopen, Touch);
            foreach (var c in changes) Latest[c.Alert.Subject] = c.Alert.Id == 0 ? c.Alert with { Id = ++_ids } : c.Alert;
            return changes;
        }
    }

    [Fact]
    public void A_condition_opens_one_alert_and_seeing_it_again_opens_no_second()
    {
        var centre = new Centre();

        var first = centre.Step(T0, Offline(since: T0.AddMinutes(-3)));
        var again = centre.Step(T0.AddSeconds(5), Offline(since: T0.AddMinutes(-3)));

        var opened = Assert.Single(first);
        Assert.Equal(AlertTransition.Opened, opened.Transition);
        Assert.Equal(T0.AddMinutes(-3), opened.Alert.OpenedAt); // open since the condition began, not since it was noticed
        Assert.Empty(again);
        Assert.Single(centre.Latest);
    }

    [Fact]
    public void An_alert_resolves_by_itself_when_its_condition_is_gone()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());

        var resolved = Assert.Single(centre.Step(T0.AddMinutes(1)));

        Assert.Equal(AlertTransition.Resolved, resolved.Transition);
        Assert.Equal(AlertState.Resolved, resolved.Alert.State);
        Assert.Equal(T0.AddMinutes(1), resolved.Alert.ResolvedAt);
    }

    [Fact]
    public void A_condition_back_within_the_window_reopens_the_same_alert_with_one_more_occurrence()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());
        var id = centre.Latest[T1Offline].Id;
        centre.Step(T0.AddMinutes(1));

        var back = Assert.Single(centre.Step(T0.AddMinutes(1) + Reopen, Offline()));

        Assert.Equal(AlertTransition.Reopened, back.Transition);
        Assert.Equal(id, back.Alert.Id);
        Assert.Equal(2, back.Alert.Occurrences);
        Assert.Equal(AlertState.Open, back.Alert.State);
        Assert.Null(back.Alert.ResolvedAt);
    }

    [Fact]
    public void A_condition_back_after_the_window_opens_a_new_alert()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());
        centre.Step(T0.AddMinutes(1));

        var back = Assert.Single(centre.Step(T0.AddMinutes(1) + Reopen + TimeSpan.FromSeconds(1), Offline()));

        Assert.Equal(AlertTransition.Opened, back.Transition);
        Assert.Equal(0, back.Alert.Id);
        Assert.Equal(1, back.Alert.Occurrences);
    }

    [Fact]
    public void A_reopened_alert_is_no_longer_acknowledged()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());
        var acknowledged = AlertLifecycle.Acknowledge(centre.Latest[T1Offline], "ops@chain", "cable replaced", T0.AddSeconds(30))!;
        centre.Latest[T1Offline] = acknowledged.Alert;
        centre.Step(T0.AddMinutes(1));

        var back = Assert.Single(centre.Step(T0.AddMinutes(2), Offline()));

        Assert.Equal(AlertState.Open, back.Alert.State);
        Assert.Null(back.Alert.AcknowledgedBy);
    }

    [Fact]
    public void An_acknowledged_alert_stays_active_and_still_resolves_by_itself()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());
        var acknowledged = AlertLifecycle.Acknowledge(centre.Latest[T1Offline], "ops@chain", "on it", T0.AddSeconds(30))!;
        centre.Latest[T1Offline] = acknowledged.Alert;

        Assert.Empty(centre.Step(T0.AddSeconds(40), Offline()));
        Assert.Equal(AlertState.Acknowledged, centre.Latest[T1Offline].State);
        Assert.Equal("on it", centre.Latest[T1Offline].AcknowledgementNote);
        Assert.Equal(AlertTransition.Resolved, Assert.Single(centre.Step(T0.AddMinutes(1))).Transition);
    }

    [Fact]
    public void After_the_clock_is_set_an_hour_back_an_active_alert_is_seen_at_the_corrected_time_not_an_hour_ahead()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());

        var corrected = T0.AddHours(-1).AddSeconds(5);
        var seen = Assert.Single(centre.Step(corrected, Offline()));

        Assert.Equal(AlertTransition.Seen, seen.Transition);
        Assert.Equal(corrected, seen.Alert.LastSeenAt);
    }

    [Fact]
    public void A_resolved_alert_cannot_be_acknowledged()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());
        centre.Step(T0.AddMinutes(1));

        Assert.Null(AlertLifecycle.Acknowledge(centre.Latest[T1Offline], "ops@chain", null, T0.AddMinutes(2)));
    }

    [Fact]
    public void A_change_of_severity_updates_the_alert_instead_of_opening_another()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());

        var change = Assert.Single(centre.Step(T0.AddSeconds(5), Offline() with { Severity = AlertSeverity.Critical }));

        Assert.Equal(AlertTransition.SeverityChanged, change.Transition);
        Assert.Equal(AlertSeverity.Critical, change.Alert.Severity);
    }

    [Fact]
    public void Last_seen_is_written_again_only_after_a_while()
    {
        var centre = new Centre();
        centre.Step(T0, Offline());
        var due = AlertLifecycle.TouchAfter(centre.Latest[T1Offline], Touch);

        Assert.InRange(due, Touch, Touch * 7 / 6);
        Assert.Empty(centre.Step(T0 + due - TimeSpan.FromSeconds(1), Offline()));
        var seen = Assert.Single(centre.Step(T0 + due, Offline()));

        Assert.Equal(AlertTransition.Seen, seen.Transition);
        Assert.Equal(T0 + due, seen.Alert.LastSeenAt);
    }

    [Fact]
    public void Alerts_opened_together_are_seen_again_a_slice_at_a_time_not_all_in_one_evaluation()
    {
        var subjects = Enumerable.Range(1, 1_000).Select(i => new AlertSubject(AlertKind.Offline, "S-1", $"T-{i}")).ToList();
        var latest = subjects.ToDictionary(s => s, s => Alert.Open(new AlertCondition(s, AlertSeverity.Warning, T0), T0) with { Id = subjects.IndexOf(s) + 1 });
        var conditions = subjects.Select(s => new AlertCondition(s, AlertSeverity.Warning, T0)).ToList();

        // Evaluations every 5 s from the first due moment until every alert has been written once.
        var perEvaluation = new List<int>();
        var touched = 0;
        for (var at = T0 + Touch; touched < subjects.Count; at += TimeSpan.FromSeconds(5))
        {
            var changes = AlertLifecycle.Step(latest, conditions, new HashSet<AlertKind> { AlertKind.Offline }, at, TimeSpan.FromMinutes(10), Touch);
            foreach (var change in changes) latest[change.Alert.Subject] = change.Alert;
            perEvaluation.Add(changes.Count);
            touched += changes.Count;
        }

        Assert.Equal(subjects.Count, touched);
        Assert.True(perEvaluation.Max() <= subjects.Count / 6, $"at most a sixth at once, was {perEvaluation.Max()}");
        Assert.InRange(perEvaluation.Count, 8, 1 + (int)(Touch / 6 / TimeSpan.FromSeconds(5)) + 1);
    }

    [Fact]
    public void Alerts_of_kinds_another_detector_speaks_for_are_left_alone()
    {
        var moneyAtRisk = new AlertSubject(AlertKind.MoneyAtRisk, "S-1", null);
        var latest = new Dictionary<AlertSubject, Alert>
        {
            [moneyAtRisk] = Alert.Open(new AlertCondition(moneyAtRisk, AlertSeverity.Critical, T0), T0) with { Id = 7 },
        };

        Assert.Empty(AlertLifecycle.Step(latest, [], FleetKinds, T0.AddMinutes(1), Reopen, Touch));
    }

    [Fact]
    public void Two_terminals_have_two_alerts_and_one_condition_counts_once()
    {
        var centre = new Centre();

        var changes = centre.Step(T0, Offline("T-1"), Offline("T-2"), Offline("T-1"));

        Assert.Equal(2, changes.Count);
    }
}
