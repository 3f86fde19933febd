using FleetOps.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Components.Tests;

/// <summary>
/// The import pages' progress bar (onboarding, settlement reports): the first report shows at once, a burst of reports
/// renders at most once per 100 ms, and the last report always renders, so the bar never stops short of the end.
/// </summary>
public sealed class ThrottledProgressTests
{
    [Fact]
    public void Renders_the_first_report_then_at_most_once_per_interval_and_always_the_last()
    {
        var time = new FakeTimeProvider();
        var shown = new List<int>();
        var renders = 0;
        var progress = new ThrottledProgress<int>(shown.Add, done => done == 10, () => renders++, time);

        progress.Report(1);
        Assert.Equal(1, renders);

        time.Advance(TimeSpan.FromMilliseconds(40));
        progress.Report(2);
        progress.Report(3);
        Assert.Equal(1, renders);

        time.Advance(TimeSpan.FromMilliseconds(60));
        progress.Report(4);
        Assert.Equal(2, renders);

        progress.Report(10);
        Assert.Equal(3, renders);
        Assert.Equal([1, 2, 3, 4, 10], shown);
    }
}
