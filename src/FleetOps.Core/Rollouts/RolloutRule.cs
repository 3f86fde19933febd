using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Rollouts;

/// <summary>
/// A wave's progress and what it calls for, as pure functions of the terminals' snapshots. A terminal counts as
/// installed once it runs the rollout's version or later (a <c>software installed</c> event or a heartbeat says so), and
/// as failed while it does not and its newest software event is <c>failed</c> for that version.
/// </summary>
public static class RolloutRule
{
    /// <param name="terminal">The wave's terminal by id, or null for one left out (outside a person's stores).</param>
    public static WaveProgress Progress(Rollout rollout, RolloutWave wave, Func<string, TerminalSnapshot?> terminal)
    {
        var app = SoftwareVersion.ParseOrNull(rollout.AppVersion);
        var firmware = SoftwareVersion.ParseOrNull(rollout.FirmwareVersion);
        // A model's terminals report a handful of distinct (pooled) version strings: parse each once per count, not per terminal.
        var parsed = new Dictionary<string, SoftwareVersion?>(StringComparer.Ordinal);
        SoftwareVersion? Parse(string? text) =>
            text is null ? null : parsed.TryGetValue(text, out var known) ? known : parsed[text] = SoftwareVersion.ParseOrNull(text);
        int counted = 0, installed = 0, failed = 0;
        foreach (var id in wave.Terminals)
        {
            if (terminal(id) is not { } snapshot) continue;
            counted++;
            if (app is not null && AtLeast(Parse(snapshot.AppVersion), app) && (firmware is null || AtLeast(Parse(snapshot.FirmwareVersion), firmware))) installed++;
            else if (snapshot.Software is { State: SoftwareState.Failed } s && app is not null && Parse(s.Version) is { } reported && reported.CompareTo(app) == 0) failed++;
        }
        return new WaveProgress(counted, installed, failed);
    }

    /// <summary>
    /// Halt when a started wave not accepted at a resume has more than the threshold failed; else advance when the newest
    /// started wave reached the success threshold (if one was set).
    /// </summary>
    public static RolloutDecision Decide(Rollout rollout, IReadOnlyList<WaveProgress> progress)
    {
        if (rollout.State != RolloutState.Running) return RolloutDecision.None;
        for (var i = rollout.AcceptedThroughWave + 1; i <= rollout.CurrentWave; i++)
        {
            var wave = progress[i];
            if (wave.Terminals > 0 && wave.Failed * 100L > (long)rollout.HaltWhenFailedPercent * wave.Terminals) return RolloutDecision.Halt;
        }
        var current = progress[rollout.CurrentWave];
        return rollout.AdvanceWhenInstalledPercent is { } threshold && current.Installed * 100L >= (long)threshold * current.Terminals
            ? RolloutDecision.Advance
            : RolloutDecision.None;
    }

    private static bool AtLeast(SoftwareVersion? running, SoftwareVersion wanted) => running is not null && running.CompareTo(wanted) >= 0;
}
