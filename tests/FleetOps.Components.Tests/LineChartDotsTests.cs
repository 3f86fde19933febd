using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Training;

namespace FleetOps.Components.Tests;

/// <summary>
/// A line of one point draws nothing: a chart whose only figure is one month (a programme's first) or one day between
/// gaps showed an axis and no value. Such points are drawn as dots; lines of joined points stay plain lines.
/// </summary>
public sealed class LineChartDotsTests : FleetComponentTest
{
    private static readonly DateOnly November = new(2026, 11, 1);

    /// <summary>The points drawn as dots (each point also has an invisible hover target).</summary>
    private static int Dots(IRenderedComponent<ComplianceChart> cut) =>
        cut.FindAll("svg circle").Count(c => c.GetAttribute("opacity") != "0");

    [Fact]
    public void A_programmes_first_month_of_compliance_is_drawn_as_a_dot()
    {
        var cut = Render<ComplianceChart>(p => p.Add(c => c.Dates, [November]).Add(c => c.Lines, [new ComplianceLine("S-1", [80.0])]));

        Assert.Equal(1, Dots(cut));
    }

    [Fact]
    public void Months_of_compliance_next_to_each_other_are_a_line_without_dots()
    {
        var cut = Render<ComplianceChart>(p => p.Add(c => c.Dates, [November.AddMonths(-1), November])
            .Add(c => c.Lines, [new ComplianceLine("S-1", [60.0, 80.0])]));

        Assert.Equal(0, Dots(cut));
    }
}
