using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Training;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Training;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The training overview (issue 15 items 4 and 5): counts per store and region from the book, a session recorded moving
/// them live, scoping, the store flagged with its failed payments and the programme to plan, before/after, Chinese; and the
/// store's printable record (item 6).
/// </summary>
public sealed class TrainingOverviewTests : FleetComponentTest
{
    private static readonly DateOnly Started = new(2025, 1, 1);
    private int _sales;

    public TrainingOverviewTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1");
        Heartbeat("T-1");
    }

    private TrainingService Training => Services.GetRequiredService<TrainingService>();

    private StaffMember Hire(string store, string name) =>
        Wait(() => Training.AddStaffAsync(store, name, "cashier", Started, MaintenanceActor.Bootstrap, null)).Value!;

    /// <summary>Every programme completed by <paramref name="people"/> today: they are current.</summary>
    private void TrainInEverything(string store, params StaffMember[] people)
    {
        foreach (var programme in DefaultProgrammes.All)
        {
            var draft = new SessionDraft(store, programme.Key, Training.Today(store), "Mei", people.Select(p => p.Id).ToList(),
                programme.Items.Select(i => i.Key).ToList());
            var result = Wait(() => Training.RecordSessionAsync(draft, MaintenanceActor.Bootstrap, null));
            Assert.True(result.Value is not null, result.Detail);
        }
    }

    /// <summary>A sale authorised hours ago and never completed, with the terminal online: an operator-caused failure.</summary>
    private void LeftAuthorized(long amountMinor)
    {
        var id = $"tx-{++_sales}";
        PublishToBook(TransactionRecord.From("T-1", new TransactionEvent(NextId(), Now.AddHours(-3), id, TransactionStage.Authorized, amountMinor, "CNY")), "S-1");
    }

    private static string Cell(IRenderedComponent<TrainingOverview> cut, string store, string column) =>
        cut.Find($"[data-testid=training-row-{store}] [data-testid={column}]").TextContent.Trim();

    /// <summary>
    /// "North: 1 never trained" was plain text: a regional manager had to pick the region and the status by hand to find the
    /// store. A region's count opens the stores of that region with staff of that standing; a nought is no link.
    /// </summary>
    [Fact]
    public void A_regions_count_of_staff_never_trained_opens_the_stores_where_they_work()
    {
        AddStore("S-3", region: "North");
        var ana = Hire("S-1", "Ana");
        TrainInEverything("S-1", ana);
        Hire("S-2", "Cy");
        TrainInEverything("S-3", Hire("S-3", "Dee"));

        var cut = Render<TrainingOverview>();

        var north = cut.Find("[data-testid=training-region-North]");
        Assert.Equal(["North", "2", "1", "0", "0", "1", "50.0%", "0"], north.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var link = north.QuerySelector("a[data-testid=never_trained]")!;
        Assert.Equal(("1", "training?region=North&status=never_trained"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.Null(north.QuerySelector("a[data-testid=overdue]"));
        Assert.Empty(cut.FindAll("[data-testid=training-region-East] a")); // everyone there is current

        var stores = RenderAt<TrainingOverview>(link.GetAttribute("href")!);
        stores.WaitForAssertion(() => Assert.Equal(["training-row-S-2"],
            stores.FindAll("[data-testid=training-stores] tbody tr").Select(r => r.GetAttribute("data-testid"))));
    }

    [Fact]
    public void Shows_each_stores_and_regions_counts_and_a_session_recorded_raises_them_live()
    {
        var ana = Hire("S-1", "Ana");
        var bo = Hire("S-1", "Bo");
        Hire("S-2", "Cy");
        TrainInEverything("S-1", ana);

        var cut = Render<TrainingOverview>();

        cut.WaitForAssertion(() => Assert.Equal("50.0%", Cell(cut, "S-1", "percent")));
        Assert.Equal(("2", "1", "1"), (Cell(cut, "S-1", "staff"), Cell(cut, "S-1", "current"), Cell(cut, "S-1", "never-trained")));
        Assert.Equal("0.0%", Cell(cut, "S-2", "percent"));
        Assert.Equal("50.0%", cut.Find("[data-testid=training-region-East] [data-testid=percent]").TextContent.Trim());
        Assert.Equal("stores/S-1/training", cut.Find("[data-testid=training-row-S-1] a").GetAttribute("href"));
        Assert.Equal("East|North", cut.Find("[data-testid=training-compliance-chart]").GetAttribute("data-lines"));

        TrainInEverything("S-1", bo);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("100.0%", Cell(cut, "S-1", "percent")));
    }

    [Fact]
    public void The_chart_judges_each_month_end_by_the_stores_own_date_when_utc_is_still_in_the_month_before()
    {
        // 16:30 UTC on 30 November is 00:30 on 1 December in Shanghai: the store's November has ended and a session held
        // there on 1 December counts in December's point, not a day later.
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        var ana = Hire("S-1", "Ana");
        TrainInEverything("S-1", ana);
        Assert.Equal(new DateOnly(2026, 12, 1), Training.Today("S-1"));

        var cut = Render<TrainingOverview>(); // all stores in Shanghai: the chart's months are Shanghai's

        var chart = cut.Find("[data-testid=training-compliance-chart]");
        Assert.EndsWith("2026-11|2026-12", chart.GetAttribute("data-months"), StringComparison.Ordinal);
        var east = chart.GetAttribute("data-values")!.Split('|')[0].Split(',');
        Assert.Equal(("0", "100"), (east[^2], east[^1]));
    }

    [Fact]
    public void Stores_without_staff_are_not_charted_as_nobody_trained()
    {
        var cut = Render<TrainingOverview>();

        // The table said "–" for % current; the chart beside it drew a line along 0 %.
        Assert.Equal("No staff in these stores during these months: nothing to chart.",
            cut.Find("[data-testid=training-compliance-chart-no-staff]").TextContent.Trim());

        Wait(() => Training.AddStaffAsync("S-1", "Ana", "cashier", Training.Today("S-1"), MaintenanceActor.Bootstrap, null)); // starts today

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=training-compliance-chart-no-staff]")));
        // Months before Ana are gaps; the month she works in is a point.
        var east = cut.Find("[data-testid=training-compliance-chart]").GetAttribute("data-values")!.Split('|')[0].Split(',');
        Assert.Equal(("", "0"), (east[^2], east[^1]));
    }

    [Fact]
    public void The_compliance_axis_runs_from_none_to_everyone_trained_whatever_the_rate()
    {
        Hire("S-1", "Ana"); // nobody trained: 0 % every month

        var cut = Render<TrainingOverview>();

        var ticks = cut.FindAll("[data-testid=training-compliance-chart] .mud-charts-yaxis text").Select(t => t.TextContent.Trim());
        Assert.Equal(["0", "25", "50", "75", "100"], ticks);
    }

    [Fact]
    public void A_store_manager_sees_only_their_store()
    {
        Hire("S-1", "Ana");
        Hire("S-2", "Cy");
        SignInAsStoreManager("S-2");

        var cut = Render<TrainingOverview>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^=training-row-]")));
        Assert.Empty(cut.FindAll("[data-testid=training-row-S-1]"));
        Assert.Empty(cut.FindAll("[data-testid=training-region-East]"));
    }

    [Fact]
    public void A_store_with_enough_operator_failures_is_listed_first_with_its_failed_payments_and_a_session_to_plan()
    {
        Hire("S-1", "Ana");
        Hire("S-2", "Cy");
        LeftAuthorized(12_345);
        LeftAuthorized(500);
        LeftAuthorized(700);

        var cut = Render<TrainingOverview>();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=training-row-S-1]").GetAttribute("data-recommended")));
        Assert.Equal("training-row-S-1", cut.FindAll("[data-testid^=training-row-]")[0].GetAttribute("data-testid"));
        Assert.Equal("3", Cell(cut, "S-1", "failures"));
        var evidence = cut.FindAll("[data-testid=training-target-S-1] [data-testid=evidence-payment]");
        Assert.Equal(3, evidence.Count);
        Assert.Contains(evidence, e => e.TextContent.Contains("123.45", StringComparison.Ordinal));
        Assert.Equal("stores/S-1/training?programme=card_payment", cut.Find("[data-testid=plan-session]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=training-target-S-2]"));
    }

    [Fact]
    public void After_a_session_the_store_shows_its_rate_before_and_after_or_that_there_were_too_few_sales()
    {
        var ana = Hire("S-1", "Ana");
        TrainInEverything("S-1", ana);

        var cut = Render<TrainingOverview>();

        cut.WaitForAssertion(() => Assert.Contains("Too few", cut.Find("[data-testid=training-target-S-1] [data-testid=verdict]").TextContent,
            StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Reads_in_Chinese()
    {
        Hire("S-1", "Ana");
        UseLanguage(Languages.Chinese);

        var cut = Render<TrainingOverview>();

        Assert.Contains("员工培训", cut.Markup);
        Assert.Contains("从未培训", cut.Markup);
    }

    [Fact]
    public void The_printable_record_in_Chinese_lists_items_with_the_Chinese_comma_and_keeps_the_status_on_one_line()
    {
        var ana = Hire("S-1", "Ana");
        var bo = Hire("S-1", "Bo");
        TrainInEverything("S-1", ana, bo);
        UseLanguage(Languages.Chinese);

        var cut = Render<TrainingRecord>(p => p.Add(x => x.Code, "S-1"));

        var items = cut.Find("[data-testid=record-items]").TextContent;
        Assert.Contains("、", items);
        Assert.DoesNotContain(";", items);
        Assert.Contains("Ana、Bo", cut.Find("[data-testid=record-session]").TextContent);
        Assert.All(cut.FindAll("[data-testid=record-status]"), status => Assert.Contains("nowrap", status.ClassList));
    }

    [Fact]
    public void The_printable_record_lists_each_persons_training_and_the_sessions_and_hides_stores_outside_the_scope()
    {
        var ana = Hire("S-1", "Ana");
        Hire("S-1", "Bo");
        TrainInEverything("S-1", ana);

        var cut = Render<TrainingRecord>(p => p.Add(x => x.Code, "S-1"));

        var people = cut.FindAll("[data-testid=record-person]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, people.Count);
        Assert.Contains("Ana", people[0]);
        Assert.Contains("valid until", people[0]);
        Assert.Contains("Never trained", people[1]);
        Assert.Equal(DefaultProgrammes.All.Count, cut.FindAll("[data-testid=record-session]").Count);
        Assert.Contains("Mei", cut.Find("[data-testid=record-session]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=record-print]"));

        SignInAsStoreManager("S-2");
        var hidden = Render<TrainingRecord>(p => p.Add(x => x.Code, "S-1"));
        Assert.Empty(hidden.FindAll("[data-testid=training-record]"));
    }
}
