using FleetOps.Web.Reconciliation;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>When a long import has the collector look at the garbage it left (issue 16's memory bound).</summary>
public sealed class ImportGarbageTests
{
    private const long MB = 1024 * 1024;
    private const long Allowed = 48 * MB;

    private long _heap = 300 * MB;
    private (long Index, long HeapBytes) _lastFull = (40, 280 * MB);
    private int _asked;

    private ImportGarbage Start() => new(Allowed, () => _heap, () => _lastFull, () => { _asked++; });

    [Fact]
    public void Growth_below_the_allowance_since_the_import_began_asks_for_nothing()
    {
        var garbage = Start();
        _heap += Allowed - 1;

        garbage.AfterDay();

        Assert.Equal(0, _asked);
    }

    [Fact]
    public void Growth_to_the_allowance_asks_for_one_collection_and_no_second_while_it_runs()
    {
        var garbage = Start();
        _heap += Allowed;

        garbage.AfterDay();
        garbage.AfterDay(); // started but not ended: the heap still looks grown
        garbage.AfterDay();

        Assert.Equal((1, 1), (_asked, garbage.Requested));
    }

    [Fact]
    public void After_a_full_collection_ends_growth_counts_from_what_it_left()
    {
        var garbage = Start();
        _heap += Allowed;
        garbage.AfterDay();

        // It ended and left 60 MB more than the import began with: the window's sales are live, not garbage.
        _lastFull = (41, 360 * MB);
        _heap = 360 * MB + Allowed - 1;
        garbage.AfterDay();
        Assert.Equal(1, _asked);

        _heap = 360 * MB + Allowed;
        garbage.AfterDay();
        Assert.Equal(2, _asked);
    }

    [Fact]
    public void A_full_collection_the_runtime_ran_on_its_own_also_moves_the_base()
    {
        var garbage = Start();
        _lastFull = (41, 250 * MB);
        _heap = 250 * MB + Allowed;

        garbage.AfterDay();

        Assert.Equal(1, _asked);
    }
}
