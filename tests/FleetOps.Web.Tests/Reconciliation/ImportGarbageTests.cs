using FleetOps.Web.Reconciliation;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>When a long import has the collector look at the garbage it left (issue 16's memory bound).</summary>
public sealed class ImportGarbageTests
{
    private const long Allowed = 48L * 1024 * 1024;

    private long _heap = 300L * 1024 * 1024;
    private int _fullCollections = 7;
    private int _asked;

    private ImportGarbage Start() => new ImportGarbage(Allowed, () => _heap, () => _fullCollections, () => { _asked++; });

    [Fact]
    public void Growth_below_the_allowance_asks_for_nothing()
    {
        var garbage = Start();
        _heap += Allowed - 1;

        garbage.AfterDay();

        Assert.Equal(0, _asked);
    }

    [Fact]
    public void Growth_to_the_allowance_asks_for_one_collection_and_no_second_until_it_has_run()
    {
        var garbage = Start();
        _heap += Allowed;

        garbage.AfterDay();
        garbage.AfterDay(); // the background collection has not run yet: the heap still looks grown
        Assert.Equal(1, _asked);

        _fullCollections++; // it ran, and the heap is still grown (the sales are live): ask again
        garbage.AfterDay();
        Assert.Equal((2, 2), (_asked, garbage.Requested));
    }

    [Fact]
    public void A_collection_that_brought_the_heap_back_ends_the_asking()
    {
        var garbage = Start();
        _heap += Allowed * 2;
        garbage.AfterDay();

        _fullCollections++;
        _heap -= Allowed * 2;
        garbage.AfterDay();
        garbage.AfterDay();

        Assert.Equal(1, _asked);
    }
}
