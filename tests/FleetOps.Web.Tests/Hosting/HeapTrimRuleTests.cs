using FleetOps.Web.Background;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// The heap trimmer's decision: memory comes back soon after traffic quietens, a busy server is stopped for a compaction
/// at most every five minutes, and small slack is never worth a pause.
/// </summary>
public sealed class HeapTrimRuleTests
{
    private const long MB = 1024 * 1024;

    public static TheoryData<long, long, long, int, bool> Cases => new()
    {
        // committed MB, live MB, allocated MB in the last check, seconds since the last trim, trim?
        { 330, 130, 1, 40, true },     // after a busy spell, quiet now: the peak's slack goes back
        { 330, 130, 1, 20, false },    // quiet, but a trim ran 20 s ago: its figures are still the GC's latest
        { 330, 130, 200, 60, false },  // busy: not every minute
        { 330, 130, 200, 301, true },  // busy for five minutes: once
        { 150, 130, 1, 600, false },   // 20 MB of slack: not worth a pause
        { 190, 130, 1, 600, false },   // 60 MB, but less than half the live heap
        { 40, 2, 1, 600, true },       // a small heap with 38 MB of slack
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trims_only_large_slack_and_a_busy_server_rarely(long committedMb, long liveMb, long allocatedMb, int secondsSinceTrim, bool trim) =>
        Assert.Equal(trim, HeapTrimRule.ShouldTrim(committedMb * MB, liveMb * MB, allocatedMb * MB, TimeSpan.FromSeconds(secondsSinceTrim)));
}
