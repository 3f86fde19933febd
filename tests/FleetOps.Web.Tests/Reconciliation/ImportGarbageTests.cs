using FleetOps.Web.Reconciliation;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>When a long import has the collector look at the garbage it left (issue 16's memory bound).</summary>
public sealed class ImportGarbageTests
{
    private const long MB = 1024 * 1024;
    private const long Allowed = 48 * MB;

    private long _heap = 300 * MB;
    private long _committed = 400 * MB;
    private int _asked;
    private int _compacted;

    private ImportGarbage Start() => new(Allowed, () => _heap, () => _committed, () => { _asked++; }, () => { _compacted++; });

    [Fact]
    public void Growth_below_the_allowance_since_the_import_began_asks_for_nothing()
    {
        var garbage = Start();
        _heap += Allowed - 1;

        garbage.AfterDay();

        Assert.Equal(0, _asked);
    }

    [Fact]
    public void Each_day_ending_at_the_allowance_or_above_asks_for_a_collection()
    {
        var garbage = Start();
        _heap += Allowed;
        garbage.AfterDay();
        _heap += 30 * MB;
        garbage.AfterDay();

        Assert.Equal((2, 2), (_asked, garbage.Requested));
    }

    [Fact]
    public void A_collection_that_brought_the_heap_back_ends_the_asking()
    {
        var garbage = Start();
        _heap += Allowed * 2;
        garbage.AfterDay();

        _heap -= Allowed * 2 - 10 * MB; // the collection freed the judged sales
        garbage.AfterDay();
        garbage.AfterDay();

        Assert.Equal(1, _asked);
    }

    [Fact]
    public void A_walk_begins_on_a_compacted_heap_and_its_growth_counts_from_there()
    {
        // What came before the import (the start-up's garbage, say): the compaction frees it.
        var before = 40 * MB;
        _heap += before;
        var garbage = new ImportGarbage(Allowed, () => _heap, () => _committed, () => { _asked++; }, () => { _compacted++; _heap -= before; before = 0; });

        garbage.BeforeWalk();
        _heap += Allowed - 1; // the walk's own growth, just below the allowance counted from the compacted heap
        garbage.AfterDay();
        var askedBelow = _asked;
        _heap += 1;
        garbage.AfterDay();

        Assert.Equal((1, 0, 1, 2), (_compacted, askedBelow, _asked, garbage.Requested));
    }

    [Fact]
    public void The_end_of_a_walk_that_left_the_collector_holding_the_allowance_more_has_everything_compacted_once_and_a_small_walk_nothing()
    {
        var small = Start();
        _committed += Allowed - 1;
        _heap += Allowed * 2; // garbage the heap's own count sees, but no more memory held: nothing to hand back
        small.AfterWalk();
        Assert.Equal(0, _compacted);

        var large = Start();
        _committed += Allowed;
        _heap -= Allowed; // a background collection freed garbage, the collector kept the space
        large.AfterWalk();

        Assert.Equal((1, 0, 1), (_compacted, _asked, large.Requested));
    }
}
