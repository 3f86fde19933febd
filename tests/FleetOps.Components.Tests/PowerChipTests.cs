using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Shared;

namespace FleetOps.Components.Tests;

/// <summary>Issue 11: the power chip says what it counts and over how long ("stable · 1 loss in 24 h"), not "stable · 1".</summary>
public sealed class PowerChipTests : FleetComponentTest
{
    private string ChipAfter(int losses)
    {
        AddStore("S-1");
        Register("S-1", "T-1");
        Heartbeat("T-1");
        for (var i = 1; i <= losses; i++) PowerLoss("T-1", TimeSpan.FromHours(i));
        var assessment = Fleet.Get("T-1")!.Assessment;
        return Render<PowerChip>(p => p.Add(c => c.Assessment, assessment)).Find(".mud-chip").TextContent.Trim();
    }

    [Fact]
    public void One_loss_is_counted_in_the_singular()
    {
        Assert.Equal("stable · 1 loss in 24 h", ChipAfter(1));
    }

    [Fact]
    public void Three_losses_are_counted_in_the_plural()
    {
        Assert.Equal("unstable · 3 losses in 24 h", ChipAfter(3));
    }

    [Fact]
    public void Chinese_says_the_window_and_the_count()
    {
        UseLanguage(Languages.Chinese);

        Assert.Equal("稳定 · 24 小时内掉电 1 次", ChipAfter(1));
    }
}
