using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// The heartbeats of one terminal in one hour (by the heartbeat's own <c>at</c>), rolled up: a heartbeat says "alive, and
/// this is my state", and the latest state lives in <c>Terminals</c>, so one row per terminal-hour keeps what a person
/// or a later rule may ask of the past (how many, when, battery range, versions) at ~1/60 of a row per heartbeat.
/// Written only by <c>HeartbeatRollup</c> with one merging upsert, which also refuses an id already in
/// <see cref="EventIds"/> — the duplicate check and the merge are one statement, so several nodes writing the same row
/// stay correct without holding anything in memory.
/// </summary>
public sealed class HeartbeatHourRow
{
    private const char PairEdge = '\u001E';
    private const char PairMiddle = '\u001F';

    public required string TerminalId { get; set; }

    /// <summary>Start of the UTC hour, Unix milliseconds.</summary>
    public long HourMs { get; set; }

    public int Count { get; set; }
    public long FirstAtMs { get; set; }
    public long LastAtMs { get; set; }
    public int? MinBattery { get; set; }
    public int? MaxBattery { get; set; }

    /// <summary>
    /// Each distinct app/firmware pair seen, as RS app US firmware RS … (RS = U+001E, US = U+001F): control characters
    /// never pass the text rule, so they cannot occur in a version and a plain substring test finds a pair exactly.
    /// </summary>
    public required string Versions { get; set; }

    /// <summary>The pairs of <see cref="Versions"/>, as (app, firmware), in the order they were first seen.</summary>
    public IReadOnlyList<(string App, string Firmware)> VersionPairs() =>
        Versions.Split(PairEdge, StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(PairMiddle))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();

    /// <summary>One app/firmware pair as the writer merges it into <see cref="Versions"/>, with both edges.</summary>
    public static string VersionPair(string app, string firmware) => $"{PairEdge}{app}{PairMiddle}{firmware}{PairEdge}";

    /// <summary>8 bytes (SHA-256 prefix) per accepted heartbeat id, appended in arrival order: the duplicate check.</summary>
    public required byte[] EventIds { get; set; }
}

internal sealed class HeartbeatHourConfiguration : IEntityTypeConfiguration<HeartbeatHourRow>
{
    public void Configure(EntityTypeBuilder<HeartbeatHourRow> b)
    {
        b.ToTable("HeartbeatHours");
        // Hour first: the upsert's conflict target, and the retention sweep deletes a prefix of it, so no second index is
        // needed; live traffic writes the newest hour, so the pages it touches stay together.
        b.HasKey(h => new { h.HourMs, h.TerminalId });
        b.Property(h => h.TerminalId).HasMaxLength(64);
    }
}
