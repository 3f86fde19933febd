using FleetOps.Core.Rollouts;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Rollouts;

/// <summary>Rollouts to and from their three tables.</summary>
internal static class RolloutRows
{
    public static Task<IReadOnlyList<Rollout>> LoadAllAsync(FleetDbContext db, CancellationToken cancellationToken) =>
        LoadAsync(db, null, cancellationToken);

    /// <summary>One rollout with its waves and members (a rollout's members can be a whole model's terminals), or null.</summary>
    public static async Task<Rollout?> LoadAsync(FleetDbContext db, long id, CancellationToken cancellationToken) =>
        (await LoadAsync(db, (long?)id, cancellationToken)).SingleOrDefault();

    private static async Task<IReadOnlyList<Rollout>> LoadAsync(FleetDbContext db, long? id, CancellationToken cancellationToken)
    {
        var rows = await db.Rollouts.AsNoTracking().Where(r => id == null || r.Id == id).ToListAsync(cancellationToken);
        var waves = (await db.RolloutWaves.AsNoTracking().Where(w => id == null || w.RolloutId == id).ToListAsync(cancellationToken))
            .ToLookup(w => w.RolloutId);
        var members = (await db.RolloutMembers.AsNoTracking().Where(m => id == null || m.RolloutId == id).ToListAsync(cancellationToken))
            .ToLookup(m => (m.RolloutId, m.Wave), m => m.TerminalId);
        return rows.Select(r => new Rollout(r.Id, r.Model, r.AppVersion, r.FirmwareVersion, r.HaltWhenFailedPercent,
                r.AdvanceWhenInstalledPercent, WireNames.TryParse(r.State, out RolloutState state) ? state : RolloutState.Completed,
                waves[r.Id].OrderBy(w => w.Wave).Select(w => new RolloutWave(
                    new WaveSpec(w.Stores?.Split(',', StringSplitOptions.RemoveEmptyEntries), w.Percent),
                    members[(r.Id, w.Wave)].Order(StringComparer.Ordinal).ToList(),
                    w.StartedAtMs is { } started ? DateTimeOffset.FromUnixTimeMilliseconds(started) : null)).ToList(),
                DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAtMs), r.CreatedBy, r.AcceptedThroughWave, r.SupersededBy,
                r.HaltedAtMs is { } halted ? DateTimeOffset.FromUnixTimeMilliseconds(halted) : null))
            .ToList();
    }

    /// <summary>Adds a new rollout with its waves and members; its id is set once saved.</summary>
    public static RolloutRow Add(FleetDbContext db, Rollout rollout)
    {
        var row = new RolloutRow { Model = rollout.Model, AppVersion = rollout.AppVersion, State = rollout.State.ToWire(), CreatedBy = rollout.CreatedBy };
        Copy(rollout, row, rollout.CreatedAt);
        row.CreatedAtMs = rollout.CreatedAt.ToUnixTimeMilliseconds();
        db.Rollouts.Add(row);
        return row;
    }

    public static void AddWaves(FleetDbContext db, long id, Rollout rollout)
    {
        for (var i = 0; i < rollout.Waves.Count; i++)
        {
            var wave = rollout.Waves[i];
            db.RolloutWaves.Add(new RolloutWaveRow
            {
                RolloutId = id, Wave = i, Stores = wave.Spec.Stores is { } stores ? string.Join(',', stores) : null,
                Percent = wave.Spec.Percent, StartedAtMs = wave.StartedAt?.ToUnixTimeMilliseconds(),
            });
            db.RolloutMembers.AddRange(wave.Terminals.Select(t => new RolloutMemberRow { RolloutId = id, TerminalId = t, Wave = i }));
        }
    }

    /// <summary>
    /// Writes a changed rollout's state and its waves' start times (members never change) — only if the stored rollout is
    /// still <paramref name="before"/>, the state the change was decided from. False when another node changed it first
    /// (its change had not reached this node's book yet): nothing is written then.
    /// </summary>
    public static async Task<bool> UpdateAsync(FleetDbContext db, Rollout before, Rollout after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Rollouts.SingleAsync(r => r.Id == after.Id, cancellationToken);
        var waves = await db.RolloutWaves.Where(w => w.RolloutId == after.Id).ToListAsync(cancellationToken);
        var stored = new RolloutRow { Model = "", AppVersion = "", State = "", CreatedBy = "" };
        Copy(before, stored, now);
        if (row.State != stored.State || row.HaltedAtMs != stored.HaltedAtMs || row.AcceptedThroughWave != stored.AcceptedThroughWave
            || row.SupersededBy != stored.SupersededBy || row.FirmwareVersion != stored.FirmwareVersion
            || row.HaltWhenFailedPercent != stored.HaltWhenFailedPercent || row.AdvanceWhenInstalledPercent != stored.AdvanceWhenInstalledPercent
            || waves.Any(w => w.StartedAtMs != before.Waves[w.Wave].StartedAt?.ToUnixTimeMilliseconds()))
        {
            return false;
        }
        Copy(after, row, now);
        foreach (var wave in waves) wave.StartedAtMs = after.Waves[wave.Wave].StartedAt?.ToUnixTimeMilliseconds();
        return true;
    }

    private static void Copy(Rollout rollout, RolloutRow row, DateTimeOffset now)
    {
        row.FirmwareVersion = rollout.FirmwareVersion;
        row.HaltWhenFailedPercent = rollout.HaltWhenFailedPercent;
        row.AdvanceWhenInstalledPercent = rollout.AdvanceWhenInstalledPercent;
        row.State = rollout.State.ToWire();
        row.AcceptedThroughWave = rollout.AcceptedThroughWave;
        row.SupersededBy = rollout.SupersededBy;
        row.HaltedAtMs = rollout.HaltedAt?.ToUnixTimeMilliseconds();
        row.UpdatedAtMs = now.ToUnixTimeMilliseconds();
    }
}
