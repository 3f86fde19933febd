using System.Buffers;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One terminal-hour roll-up held in memory while a commit's heartbeats for it are merged: starts from the stored row (or
/// nothing) and takes the heartbeats one by one with exactly the rule of <see cref="HeartbeatRollup"/>'s per-heartbeat
/// upsert — refused when its id hash occurs anywhere in the ids so far (stored and taken before it in this commit, the
/// same byte search as the SQL's instr/position), else counted, times and battery range widened, a new version pair
/// appended. The writer then stores the result with one statement instead of one per heartbeat, which rewrote the whole
/// row (its growing id list included) each time.
/// </summary>
internal sealed class HeartbeatHourTally
{
    private readonly ArrayBufferWriter<byte> _eventIds;

    private HeartbeatHourTally(int count, long firstAtMs, long lastAtMs, int? minBattery, int? maxBattery, string versions, byte[] eventIds)
    {
        Count = count;
        FirstAtMs = firstAtMs;
        LastAtMs = lastAtMs;
        MinBattery = minBattery;
        MaxBattery = maxBattery;
        Versions = versions;
        StoredIdsLength = eventIds.Length;
        _eventIds = new ArrayBufferWriter<byte>(eventIds.Length + 8 * 64);
        _eventIds.Write(eventIds);
    }

    public static HeartbeatHourTally Empty() => new(0, long.MaxValue, long.MinValue, null, null, "", []);

    public static HeartbeatHourTally Stored(int count, long firstAtMs, long lastAtMs, int? minBattery, int? maxBattery, string versions, byte[] eventIds) =>
        new(count, firstAtMs, lastAtMs, minBattery, maxBattery, versions, eventIds);

    public int Count { get; private set; }
    public long FirstAtMs { get; private set; }
    public long LastAtMs { get; private set; }
    public int? MinBattery { get; private set; }
    public int? MaxBattery { get; private set; }
    public string Versions { get; private set; }

    /// <summary>How long the stored id list was when read: the store refuses the merged row if another writer changed it since.</summary>
    public int StoredIdsLength { get; }

    public ReadOnlyMemory<byte> EventIds => _eventIds.WrittenMemory;

    /// <returns>true when the heartbeat is new to this hour; false when its id hash is already in it.</returns>
    public bool TryAdd(HeartbeatEvent heartbeat, ReadOnlySpan<byte> idHash)
    {
        if (_eventIds.WrittenSpan.IndexOf(idHash) >= 0) return false;
        _eventIds.Write(idHash);
        var atMs = heartbeat.At.ToUnixTimeMilliseconds();
        Count++;
        FirstAtMs = Math.Min(FirstAtMs, atMs);
        LastAtMs = Math.Max(LastAtMs, atMs);
        // As the SQL's least/greatest that skip NULLs.
        if (heartbeat.BatteryPercent is { } battery)
        {
            MinBattery = MinBattery is { } min ? Math.Min(min, battery) : battery;
            MaxBattery = MaxBattery is { } max ? Math.Max(max, battery) : battery;
        }
        var pair = HeartbeatHourRow.VersionPair(heartbeat.AppVersion, heartbeat.FirmwareVersion);
        if (Versions.Length == 0) Versions = pair;
        else if (!Versions.Contains(pair, StringComparison.Ordinal)) Versions += pair[1..];
        return true;
    }
}
