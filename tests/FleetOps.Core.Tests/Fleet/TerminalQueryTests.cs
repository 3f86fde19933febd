using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Tests.Fleet;

public class TerminalQueryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static TerminalSnapshot Terminal(
        string id, string store = "SH-001", string model = "A920", string? app = "3.2.1",
        Connectivity connectivity = Connectivity.Online, bool decommissioned = false, string? serial = null) =>
        new TerminalSnapshot(new TerminalRegistration(id, store, model, serial ?? $"SN-{id}", decommissioned))
        {
            Heartbeat = app is null ? null : HeartbeatFacts.From(new HeartbeatEvent("h", T0, "b-1", 60, app, "1.8.0", PowerSource.Mains)),
            LastContactAt = connectivity == Connectivity.Unknown ? null : T0,
            Assessment = TerminalAssessment.Unknown with { Connectivity = connectivity },
        };

    private static readonly TerminalSnapshot[] Fleet =
    [
        Terminal("T-0001", "SH-001", "A920", "3.2.1", Connectivity.Online),
        Terminal("T-0002", "SH-001", "A80", "3.10.0", Connectivity.Offline),
        Terminal("T-0003", "BJ-002", "A920", "3.9.2", Connectivity.Online, serial: "PAX-778899"),
        Terminal("T-0004", "BJ-002", "A920", null, Connectivity.Unknown),
        Terminal("T-0005", "GZ-003", "A80", "3.2.1", Connectivity.Offline, decommissioned: true),
    ];

    private static IReadOnlyList<string> Ids(TerminalQuery query) => query.Run(Fleet).Items.Select(t => t.TerminalId).ToList();

    [Fact]
    public void Without_filters_every_terminal_is_listed_by_id()
    {
        var (items, total) = new TerminalQuery().Run(Fleet);

        Assert.Equal(5, total);
        Assert.Equal(["T-0001", "T-0002", "T-0003", "T-0004", "T-0005"], items.Select(t => t.TerminalId));
    }

    [Theory]
    [InlineData(Connectivity.Online, new[] { "T-0001", "T-0003" })]
    [InlineData(Connectivity.Offline, new[] { "T-0002" })] // T-0005 is offline but decommissioned: out of service, not in a status list
    [InlineData(Connectivity.Unknown, new[] { "T-0004" })]
    public void Filters_by_connectivity(Connectivity connectivity, string[] expected)
    {
        Assert.Equal(expected, Ids(new TerminalQuery { Connectivity = connectivity }));
    }

    [Fact]
    public void Filters_by_one_or_more_stores_ignoring_case()
    {
        Assert.Equal(["T-0003", "T-0004"], Ids(new TerminalQuery { Stores = ["bj-002"] }));
        Assert.Equal(["T-0001", "T-0002", "T-0005"], Ids(new TerminalQuery { Stores = ["SH-001", "GZ-003"] }));
    }

    [Fact]
    public void Empty_store_list_does_not_filter()
    {
        Assert.Equal(5, new TerminalQuery { Stores = [] }.Run(Fleet).Total);
    }

    [Fact]
    public void Filters_by_model()
    {
        Assert.Equal(["T-0002", "T-0005"], Ids(new TerminalQuery { Model = "a80" }));
    }

    [Fact]
    public void Filters_by_app_version()
    {
        Assert.Equal(["T-0001", "T-0005"], Ids(new TerminalQuery { AppVersion = "3.2.1" }));
    }

    [Fact]
    public void Filters_combine()
    {
        Assert.Equal(["T-0003"], Ids(new TerminalQuery { Model = "A920", Connectivity = Connectivity.Online, Stores = ["BJ-002"] }));
    }

    [Fact]
    public void Filters_by_power_and_software_status()
    {
        TerminalSnapshot[] fleet =
        [
            Terminal("T-1") with { Assessment = TerminalAssessment.Unknown with { Power = PowerStatus.Unstable } },
            Terminal("T-2") with { Assessment = TerminalAssessment.Unknown with { Software = SoftwareStatus.Outdated } },
        ];

        Assert.Equal("T-1", Assert.Single(new TerminalQuery { Power = PowerStatus.Unstable }.Run(fleet).Items).TerminalId);
        Assert.Equal("T-2", Assert.Single(new TerminalQuery { Software = SoftwareStatus.Outdated }.Run(fleet).Items).TerminalId);
    }

    [Fact]
    public void A_status_filter_leaves_decommissioned_terminals_out_as_the_counts_that_link_to_it_do()
    {
        var behind = TerminalAssessment.Unknown with { Connectivity = Connectivity.Offline, Power = PowerStatus.Unstable, Software = SoftwareStatus.Outdated };
        TerminalSnapshot[] fleet = [Terminal("T-1") with { Assessment = behind }, Terminal("T-2", decommissioned: true) with { Assessment = behind }];

        Assert.Equal(1, SoftwareCompliance.Of(fleet, _ => null).Total.Outdated);
        Assert.Equal(["T-1"], new TerminalQuery { Software = SoftwareStatus.Outdated }.Run(fleet).Items.Select(t => t.TerminalId));
        Assert.Equal(["T-1"], new TerminalQuery { Connectivity = Connectivity.Offline }.Run(fleet).Items.Select(t => t.TerminalId));
        Assert.Equal(["T-1"], new TerminalQuery { Power = PowerStatus.Unstable }.Run(fleet).Items.Select(t => t.TerminalId));
        // Without a status filter the list still shows every terminal, decommissioned ones marked as such; a search finds them.
        Assert.Equal(2, new TerminalQuery().Run(fleet).Total);
        Assert.Equal(["T-2"], new TerminalQuery { Search = "T-2" }.Run(fleet).Items.Select(t => t.TerminalId));
    }

    [Theory]
    [InlineData("t-0003", new[] { "T-0003" })]
    [InlineData("  bj-0 ", new[] { "T-0003", "T-0004" })]
    [InlineData("778899", new[] { "T-0003" })]
    [InlineData("a80", new[] { "T-0002", "T-0005" })]
    [InlineData("nothing-like-it", new string[0])]
    public void Search_matches_terminal_id_store_serial_or_model(string search, string[] expected)
    {
        Assert.Equal(expected, Ids(new TerminalQuery { Search = search }));
    }

    [Fact]
    public void Blank_search_does_not_filter()
    {
        Assert.Equal(5, new TerminalQuery { Search = "   " }.Run(Fleet).Total);
    }

    [Fact]
    public void Decommissioned_terminals_can_be_left_out()
    {
        Assert.DoesNotContain("T-0005", Ids(new TerminalQuery { IncludeDecommissioned = false }));
    }

    [Fact]
    public void Sorting_by_app_version_is_numeric_not_alphabetical()
    {
        var ids = Ids(new TerminalQuery { SortBy = TerminalSort.AppVersion });

        // no version first, then 3.2.1 (twice, tie broken by id), 3.9.2, 3.10.0
        Assert.Equal(["T-0004", "T-0001", "T-0005", "T-0003", "T-0002"], ids);
    }

    [Fact]
    public void Sorting_by_app_version_descending_puts_the_newest_first()
    {
        var ids = Ids(new TerminalQuery { SortBy = TerminalSort.AppVersion, Descending = true });

        Assert.Equal(["T-0002", "T-0003", "T-0001", "T-0005", "T-0004"], ids);
    }

    [Fact]
    public void Sorting_by_store_breaks_ties_by_terminal_id()
    {
        Assert.Equal(["T-0003", "T-0004", "T-0005", "T-0001", "T-0002"], Ids(new TerminalQuery { SortBy = TerminalSort.Store }));
    }

    [Fact]
    public void Paging_returns_the_requested_page_and_the_total_of_all_matches()
    {
        var fleet = Enumerable.Range(1, 120).Select(i => Terminal($"T-{i:D4}")).Reverse().ToList();

        var (items, total) = new TerminalQuery { Page = 3, PageSize = 50 }.Run(fleet);

        Assert.Equal(120, total);
        Assert.Equal(20, items.Count);
        Assert.Equal("T-0101", items[0].TerminalId);
        Assert.Equal("T-0120", items[^1].TerminalId);
    }

    [Fact]
    public void Total_counts_matches_after_filtering_not_the_page()
    {
        var fleet = Enumerable.Range(1, 30)
            .Select(i => Terminal($"T-{i:D4}", connectivity: i % 3 == 0 ? Connectivity.Offline : Connectivity.Online))
            .ToList();

        var (items, total) = new TerminalQuery { Connectivity = Connectivity.Offline, PageSize = 4 }.Run(fleet);

        Assert.Equal(10, total);
        Assert.Equal(["T-0003", "T-0006", "T-0009", "T-0012"], items.Select(t => t.TerminalId));
    }

    [Fact]
    public void Page_past_the_end_is_empty_but_keeps_the_total()
    {
        var (items, total) = new TerminalQuery { Page = 9, PageSize = 2 }.Run(Fleet);

        Assert.Empty(items);
        Assert.Equal(5, total);
    }

    [Fact]
    public void Out_of_range_page_and_page_size_are_clamped()
    {
        var fleet = Enumerable.Range(1, 600).Select(i => Terminal($"T-{i:D4}")).ToList();

        Assert.Equal(TerminalQuery.MaxPageSize, new TerminalQuery { PageSize = 10_000 }.Run(fleet).Items.Count);
        Assert.Equal("T-0001", Assert.Single(new TerminalQuery { Page = 0, PageSize = 0 }.Run(fleet).Items).TerminalId);
    }
}
