using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Training;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Components.Transactions;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The success-rate page (issue 15, item 8): rates from the book, live, scoped; the training sessions of the stores shown as
/// markers with the rate before and after each, live; Chinese.
/// </summary>
public sealed class SuccessRatePageTests : FleetComponentTest
{
    // Start is 08:00 on 25 November in Shanghai, the stores' zone.
    private static readonly DateOnly Today = new(2026, 11, 25);

    public SuccessRatePageTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1");
        Register("S-2", "T-2");
    }

    private int _sales;

    private TransactionRecord Sale(string terminalId, DateTimeOffset at, params TransactionStage[] stages)
    {
        var id = $"tx-{++_sales}";
        var events = stages.Select((s, i) => new TransactionEvent(NextId(), at.AddSeconds(30 * i), id, s, 1000, "CNY")).ToList();
        return events.Skip(1).Aggregate(TransactionRecord.From(terminalId, events[0]), (r, e) => r.With(e));
    }

    private TransactionRecord Completed(string terminalId, DateTimeOffset at) =>
        Sale(terminalId, at, TransactionStage.Authorized, TransactionStage.Completed);

    /// <summary>Three completed sales and one left incomplete at S-1 an hour ago; one completed sale at S-2.</summary>
    private TransactionRecord SeedToday()
    {
        var incomplete = Sale("T-1", Now.AddHours(-1), TransactionStage.Authorized);
        Book.Publish([
            (Completed("T-1", Now.AddHours(-1)), "S-1"), (Completed("T-1", Now.AddHours(-1)), "S-1"), (Completed("T-1", Now.AddHours(-1)), "S-1"),
            (incomplete, "S-1"), (Completed("T-2", Now.AddHours(-1)), "S-2"),
        ]);
        return incomplete;
    }

    private static string Row(IRenderedComponent<SuccessRate> cut, string store) => cut.Find($"[data-testid=success-store-{store}]").TextContent;

    [Fact]
    public void Shows_each_stores_rate_and_failures_per_thousand_worst_first()
    {
        SeedToday();

        var cut = Render<SuccessRate>();

        cut.WaitForAssertion(() => Assert.Contains("75.0%", Row(cut, "S-1")));
        Assert.Contains("250.0", Row(cut, "S-1"));
        Assert.Contains("100.0%", Row(cut, "S-2"));
        var rows = cut.FindAll("[data-testid^=success-store-]").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal(["success-store-S-1", "success-store-S-2"], rows);
        Assert.Contains("80.0%", cut.Find("[data-testid=success-kpi-rate]").TextContent);
        Assert.Equal("stores/S-1", cut.Find("[data-testid=success-store-S-1] a").GetAttribute("href"));
        Assert.Equal("East|North", cut.Find("[data-testid=success-rate-chart]").GetAttribute("data-lines"));
    }

    [Fact]
    public void A_sale_completing_moves_the_rate_live()
    {
        var incomplete = SeedToday();
        var cut = Render<SuccessRate>();
        cut.WaitForAssertion(() => Assert.Contains("75.0%", Row(cut, "S-1")));

        Book.Publish([(incomplete.With(new TransactionEvent(NextId(), Now.AddMinutes(-50), incomplete.TransactionId,
            TransactionStage.Completed, 1000, "CNY")), "S-1")]);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Contains("100.0%", Row(cut, "S-1")));
    }

    [Fact]
    public void A_store_manager_sees_only_their_stores()
    {
        SeedToday();
        SignInAsStoreManager("S-2");

        var cut = Render<SuccessRate>();

        cut.WaitForAssertion(() => Assert.Contains("100.0%", Row(cut, "S-2")));
        Assert.Empty(cut.FindAll("[data-testid=success-store-S-1]"));
        Assert.Equal("North", cut.Find("[data-testid=success-rate-chart]").GetAttribute("data-lines"));
    }

    [Fact]
    public void The_region_and_window_come_from_the_address()
    {
        SeedToday();

        var cut = RenderAt<SuccessRate>("success-rate?region=North&days=90");

        cut.WaitForAssertion(() => Assert.Contains("100.0%", Row(cut, "S-2")));
        Assert.Empty(cut.FindAll("[data-testid=success-store-S-1]"));
        Assert.Contains("90 days", cut.Find("[data-testid=success-rate-chart]").TextContent);
    }

    private TrainingService Training => Services.GetRequiredService<TrainingService>();

    private int _hired;

    /// <summary>A session of <paramref name="programme"/> held on <paramref name="heldOn"/> for a new person at the store.</summary>
    private void SessionHeld(string store, DateOnly heldOn, string programme)
    {
        // A new person each time: the roster refuses a second entry of one name and role.
        var person = Wait(() => Training.AddStaffAsync(store, $"Staff {++_hired} of {store}", "cashier", new DateOnly(2026, 1, 5), MaintenanceActor.Bootstrap, null)).Value!;
        var items = DefaultProgrammes.Find(programme)!.Items.Select(i => i.Key).ToList();
        var result = Wait(() => Training.RecordSessionAsync(new SessionDraft(store, programme, heldOn, "Mei", [person.Id], items), MaintenanceActor.Bootstrap, null));
        Assert.True(result.Value is not null, result.Detail);
    }

    /// <summary>60 sales a side around 20 November at S-1: 54 of 60 completed before, all 60 after.</summary>
    private void SalesAroundTheTwentieth()
    {
        var sales = new List<(TransactionRecord, string)>();
        for (var i = 0; i < 60; i++)
        {
            var before = Now.AddDays(-6 - i % 4).AddMinutes(-i);
            sales.Add((i < 54 ? Completed("T-1", before) : Sale("T-1", before, TransactionStage.Authorized, TransactionStage.Voided), "S-1"));
            sales.Add((Completed("T-1", Now.AddDays(-1 - i % 4).AddMinutes(-i)), "S-1"));
        }
        Book.Publish(sales);
    }

    [Fact]
    public void Each_training_session_is_a_marker_with_the_rate_before_and_after_it_and_one_recorded_later_shows_live()
    {
        SalesAroundTheTwentieth();
        SessionHeld("S-1", Today.AddDays(-5), DefaultProgrammes.CardPayment);

        var cut = Render<SuccessRate>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=success-comparison]")));
        var row = cut.Find("[data-testid=success-comparison]");
        Assert.Equal("true", row.GetAttribute("data-meaningful"));
        Assert.Contains("S-1 Card-payment procedure", row.TextContent);
        Assert.Contains("90.0%", row.TextContent);
        Assert.Contains("100.0%", row.TextContent);
        Assert.Contains("+10.0 points", row.TextContent);
        Assert.Equal("2026-11-20", cut.Find("[data-testid=success-rate-chart]").GetAttribute("data-markers"));
        Assert.Contains("Card-payment procedure", cut.Find("[data-testid=success-failure-chart-marker]").TextContent);

        // A session recorded today elsewhere in the scope: a second marker, whose after side has not started.
        SessionHeld("S-2", Today, DefaultProgrammes.PowerFailure);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("2026-11-20|2026-11-25", cut.Find("[data-testid=success-rate-chart]").GetAttribute("data-markers")));
        var rows = cut.FindAll("[data-testid=success-comparison]");
        Assert.Equal("false", rows[1].GetAttribute("data-meaningful"));
        Assert.Contains("S-2 Power fails mid-payment", rows[1].TextContent);
    }

    [Fact]
    public void A_session_older_than_the_sales_history_says_so_instead_of_giving_ranges_that_run_backwards()
    {
        SalesAroundTheTwentieth(); // the history's first sale is ~10 days old
        SessionHeld("S-1", Today.AddDays(-40), DefaultProgrammes.Settlement);

        var cut = RenderAt<SuccessRate>("success-rate?store=S-1&days=90");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=success-comparison]")));
        var row = cut.Find("[data-testid=success-comparison]");
        Assert.Equal("false", row.GetAttribute("data-meaningful"));
        var before = row.QuerySelectorAll("td.fo-col-sm")[0].TextContent;
        var after = row.QuerySelectorAll("td.fo-col-sm")[1].TextContent;
        Assert.StartsWith("no sales recorded: the history starts on", before.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("no sales recorded: the history starts on", after.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_sessions_of_the_chosen_store_or_region_inside_the_window_are_marked()
    {
        SalesAroundTheTwentieth();
        SessionHeld("S-1", Today.AddDays(-5), DefaultProgrammes.CardPayment);
        SessionHeld("S-1", Today.AddDays(-40), DefaultProgrammes.Settlement);
        SessionHeld("S-2", Today.AddDays(-2), DefaultProgrammes.PowerFailure);

        var store = RenderAt<SuccessRate>("success-rate?store=S-1");
        store.WaitForAssertion(() => Assert.Equal("2026-11-20", store.Find("[data-testid=success-rate-chart]").GetAttribute("data-markers")));
        // One store chosen: the marker names the programme alone.
        Assert.Contains("· Card-payment procedure", store.Find("[data-testid=success-comparison]").TextContent);

        var longer = RenderAt<SuccessRate>("success-rate?region=East&days=90");
        longer.WaitForAssertion(() => Assert.Equal("2026-10-16|2026-11-20", longer.Find("[data-testid=success-rate-chart]").GetAttribute("data-markers")));

        SignInAsStoreManager("S-2");
        var theirs = RenderAt<SuccessRate>("success-rate");
        theirs.WaitForAssertion(() => Assert.Equal("2026-11-23", theirs.Find("[data-testid=success-rate-chart]").GetAttribute("data-markers")));
    }

    [Fact]
    public void Without_markers_none_are_drawn_or_compared()
    {
        SeedToday();

        var cut = Render<SuccessRate>();

        cut.WaitForAssertion(() => Assert.Contains("75.0%", Row(cut, "S-1")));
        Assert.Empty(cut.FindAll("[data-testid=success-markers]"));
        Assert.Equal("", cut.Find("[data-testid=success-rate-chart]").GetAttribute("data-markers"));
    }

    [Fact]
    public void The_page_reads_in_chinese()
    {
        SeedToday();
        UseLanguage(Languages.Chinese);

        var cut = Render<SuccessRate>();

        cut.WaitForAssertion(() => Assert.Contains("75.0%", Row(cut, "S-1")));
        Assert.Contains("支付成功率", cut.Markup);
        Assert.Contains("每千笔交易的操作失误", cut.Markup);
    }

    [Fact]
    public void The_store_page_shows_its_payment_success_and_links_to_the_page()
    {
        SeedToday();

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        cut.WaitForAssertion(() => Assert.Contains("75.0%", cut.Find("[data-testid=store-success]").TextContent));
        Assert.Contains("250.0", cut.Find("[data-testid=store-success]").TextContent);
        Assert.Equal("success-rate?store=S-1", cut.Find("[data-testid=store-success-link]").GetAttribute("href"));
    }

    private static string[] ValueAxis(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}] .mud-charts-yaxis text").Select(t => t.TextContent.Trim()).ToArray();

    /// <summary>The points drawn as dots (a line's hover targets are there too, invisible).</summary>
    private static IReadOnlyList<AngleSharp.Dom.IElement> Dots(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}] svg circle").Where(c => c.GetAttribute("opacity") != "0").ToList();

    [Fact]
    public void Yesterday_and_today_after_a_quiet_month_are_one_line_without_dots()
    {
        // The finished line's yesterday has a gap on both sides, but today's lighter line continues it: not alone.
        var days = Enumerable.Range(0, 30).Select(i => Today.AddDays(i - 29)).ToList();
        var perDay = days.Select((_, i) => i >= 28 ? new SaleCounts(4, 3, 1) : new SaleCounts(0, 0, 0)).ToList();

        var cut = Render<SuccessRateChart>(p => p.Add(c => c.Dates, days).Add(c => c.Lines, [new SuccessLine("S-1", perDay)]));

        Assert.Empty(Dots(cut, "success-chart"));
    }

    [Fact]
    public void Days_of_sales_next_to_each_other_are_a_line_without_dots()
    {
        var days = Enumerable.Range(0, 30).Select(i => Today.AddDays(i - 29)).ToList();
        var perDay = days.Select(_ => new SaleCounts(4, 3, 1)).ToList();

        var cut = Render<SuccessRateChart>(p => p.Add(c => c.Dates, days).Add(c => c.Lines, [new SuccessLine("S-1", perDay)]));

        Assert.Empty(Dots(cut, "success-chart"));
    }

    [Fact]
    public void A_store_whose_every_sale_completed_has_its_rate_drawn_at_the_top_of_a_readable_chart()
    {
        Book.Publish([(Completed("T-1", Now.AddHours(-1)), "S-1")]);

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        cut.WaitForAssertion(() => Assert.Contains("100.0%", cut.Find("[data-testid=store-success]").TextContent));
        Assert.Contains("(1 sale).", cut.Find("[data-testid=store-success]").TextContent); // not "(1 sales)"
        // A single "100" at the foot of the chart read as the worst rate; the axis runs from 0 to 100 instead.
        Assert.Equal(["0", "25", "50", "75", "100"], ValueAxis(cut, "store-success-chart"));
        // Today's rate is a line of one point, which draws nothing: it was an empty chart until it shows as a dot.
        Assert.Single(Dots(cut, "store-success-chart"));
        // As tall as the other charts: at 160 px a tablet's card drew its axis text about 6 px high.
        Assert.Equal("260px", cut.Find("[data-testid=store-success-chart] svg").GetAttribute("height"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_rate_flat_all_month_is_drawn_on_the_whole_scale_from_none_to_every_sale(int completedOfTwo)
    {
        var days = Enumerable.Range(0, 30).Select(i => Today.AddDays(i - 29)).ToList();
        var perDay = days.Select((_, i) => i % 3 == 0 ? new SaleCounts(2, completedOfTwo, 2 - completedOfTwo) : new SaleCounts(0, 0, 0)).ToList();

        var cut = Render<SuccessRateChart>(p => p.Add(c => c.Dates, days).Add(c => c.Lines, [new SuccessLine("S-1", perDay)]));

        // Every sale failing every day was a lone "0", every one completing a lone "100".
        Assert.Equal(["0", "25", "50", "75", "100"], ValueAxis(cut, "success-chart"));
        // A day of sales between two days without is drawn as a dot (as a line of one point it was not drawn at all).
        Assert.Equal(10, Dots(cut, "success-chart").Count);
    }

    [Fact]
    public void A_month_without_operator_failures_is_drawn_on_a_floor_not_a_lone_zero()
    {
        var days = Enumerable.Range(0, 30).Select(i => Today.AddDays(i - 29)).ToList();
        var perDay = days.Select((_, i) => i % 3 == 0 ? new SaleCounts(4, 4, 0) : new SaleCounts(0, 0, 0)).ToList();

        var cut = Render<SuccessRateChart>(p => p.Add(c => c.Dates, days).Add(c => c.Lines, [new SuccessLine("S-1", perDay)]).Add(c => c.Failures, true));

        Assert.Equal(["0", "1"], ValueAxis(cut, "success-chart"));
    }
}
