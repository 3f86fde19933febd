using FleetOps.Components.Tests.Infrastructure;

namespace FleetOps.Components.Tests;

/// <summary>Issue 11: a count reads right for one and for many ("1 payment", "2 payments"); Chinese has one form.</summary>
public sealed class CountedSentenceTests
{
    [Fact]
    public void English_says_one_for_one_and_the_plural_for_any_other_count()
    {
        var format = Languages.Format(Languages.English);

        Assert.Equal("1 payment", format.Count("Risk.Payments", 1));
        Assert.Equal("2 payments", format.Count("Risk.Payments", 2));
        Assert.Equal("0 payments", format.Count("Risk.Payments", 0));
        Assert.Equal("1,234 payments", format.Count("Risk.Payments", 1234));
        Assert.Equal("and 1 older one", format.Count("Worklist.Lost.More", 1));
        Assert.Equal("No sale was lost to a power failure in the last 1 day.", format.Count("Worklist.Lost.None", 1));
    }

    [Fact]
    public void The_other_placeholders_follow_the_count()
    {
        var format = Languages.Format(Languages.English);

        Assert.Equal("Open batch: 1 transaction, CN¥12.00 · pending reversals: 0", format.Count("TerminalDetail.OpenBatch", 1, format.Money(1200, "CNY"), "0"));
        Assert.Equal("Open batch: 3 transactions, CN¥12.00 · pending reversals: 1", format.Count("TerminalDetail.OpenBatch", 3, format.Money(1200, "CNY"), "1"));
        Assert.Equal("1 of 1 terminal online", format.Count("Home.Store.Online", 1, "1"));
        Assert.Equal("2 of 3 terminals online", format.Count("Home.Store.Online", 3, "2"));
    }

    [Fact]
    public void Chinese_reads_the_same_for_one_and_for_many()
    {
        var format = Languages.Format(Languages.Chinese);

        Assert.Equal("1 笔", format.Count("Risk.Payments", 1));
        Assert.Equal("2 笔", format.Count("Risk.Payments", 2));
        Assert.Equal("3 台终端中 2 台在线", format.Count("Home.Store.Online", 3, "2"));
        Assert.Equal("1 项异常", format.Count("Stores.Problems", 1));
    }
}
