using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Transactions;

namespace FleetOps.Components.Tests;

/// <summary>
/// The worklist's sections below the list: sales lost to a reversal after a power loss, terminals needing attention (and
/// their chip narrowing the list), and operator-caused failures per store and local day.
/// </summary>
public sealed class WorklistSectionsTests : WorklistComponentTest
{
    [Fact]
    public void A_sale_reversed_after_a_power_loss_moves_to_the_lost_sales()
    {
        Interrupted("T-1", "000123-0042", TimeSpan.FromMinutes(10), amountMinor: 4500);
        var cut = Render<Worklist>();
        Assert.Equal("interrupted_by_power_loss", Row(cut, "T-1", "000123-0042")!.GetAttribute("data-reason"));
        Assert.Contains("Sales lost — run them again (0)", cut.Find("[data-testid=lost-sales]").TextContent);

        // The terminal sends its automatic reversal when it boots again.
        Publish("T-1", Stage("000123-0042", TransactionStage.Reversed, Now, 4500));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Null(Row(cut, "T-1", "000123-0042")));
        var lost = cut.Find("[data-testid=lost-sales]");
        Assert.Contains("Sales lost — run them again (1)", lost.TextContent);
        Assert.Contains("the customer got the money back", lost.TextContent);
        var row = cut.Find("[data-testid=lost-T-1-000123-0042]");
        Assert.Contains("CN¥45.00", row.TextContent);
        Assert.Contains("A1B2C3", row.TextContent);
    }

    [Fact]
    public void A_reversal_without_a_power_loss_is_not_a_lost_sale()
    {
        Authorized("T-1", "000123-0042", TimeSpan.FromMinutes(10));
        Publish("T-1", Stage("000123-0042", TransactionStage.Reversed, Now));

        var cut = Render<Worklist>();

        Assert.Empty(cut.FindAll("[data-testid^=lost-T]"));
        Assert.Null(Row(cut, "T-1", "000123-0042"));
    }

    [Fact]
    public void Terminals_with_pending_reversals_or_an_unsettled_batch_need_attention()
    {
        Completed("T-2", "late", TimeSpan.FromHours(30));
        Authorized("T-3", "fine", TimeSpan.FromMinutes(10));
        var cut = Render<Worklist>();
        Assert.Equal("1", cut.Find("[data-testid=attention-T-2]").GetAttribute("data-overdue"));
        Assert.Empty(cut.FindAll("[data-testid=attention-T-1]"));
        Assert.Empty(cut.FindAll("[data-testid=attention-T-3]")); // incomplete only: not a batch problem

        // A heartbeat reporting reversals the terminal could not send yet arrives while the page is open.
        PublishBatch(("T-1", PendingReversalsHeartbeat(2)));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=attention-T-1]").GetAttribute("data-pending-reversals")));
        var row = cut.Find("[data-testid=attention-T-1]");
        Assert.Contains("2 pending reversals", row.TextContent);
        Assert.Contains("3 payments · CN¥456.00", row.TextContent);
        Assert.Contains("terminals/T-1", row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        // Once the reversals went out, the terminal is fine again.
        PublishBatch(("T-1", PendingReversalsHeartbeat(0)));
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=attention-T-1]")));
    }

    [Fact]
    public void The_overdue_chip_of_a_terminal_narrows_the_worklist_to_that_terminal()
    {
        Completed("T-2", "late", TimeSpan.FromHours(30));
        Authorized("T-1", "other", TimeSpan.FromMinutes(10));
        var cut = Render<Worklist>();
        Assert.NotNull(Row(cut, "T-1", "other"));

        cut.Find("[data-testid=attention-T-2] .mud-chip").Click();

        cut.WaitForAssertion(() => Assert.Contains("search=T-2", Address));
        cut.WaitForAssertion(() => Assert.Null(Row(cut, "T-1", "other")));
        Assert.NotNull(Row(cut, "T-2", "late"));
    }

    [Fact]
    public void Operator_caused_failures_are_counted_per_store_and_local_day_most_first()
    {
        // Now is 2026-11-25 08:00 in Asia/Shanghai: ten minutes ago is today there, ten hours ago yesterday evening.
        Authorized("T-1", "today-1", TimeSpan.FromMinutes(10));
        Authorized("T-1", "today-2", TimeSpan.FromMinutes(20)); // (on T-2 the power loss below would explain it)
        Authorized("T-1", "yesterday", TimeSpan.FromHours(10));
        Interrupted("T-2", "power", TimeSpan.FromMinutes(10)); // a power loss is not the operator's fault
        Completed("T-1", "late", TimeSpan.FromHours(30)); // neither is an unsettled batch
        Authorized("T-3", "other", TimeSpan.FromMinutes(10));

        var cut = Render<Worklist>();

        var table = cut.Find("[data-testid=operator-failures]");
        var headings = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Store", "Thu 19 Nov", "Fri 20 Nov", "Sat 21 Nov", "Sun 22 Nov", "Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov", "Total, 7 days"], headings);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(["operator-S-1", "operator-S-2"], rows.Select(r => r.GetAttribute("data-testid")!));
        Assert.Equal("3", rows[0].GetAttribute("data-total"));
        Assert.Equal(["0", "0", "0", "0", "0", "1", "2", "3"], rows[0].QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Equal("1", rows[1].GetAttribute("data-total"));
    }

    [Fact]
    public void Operator_caused_failures_still_count_after_the_sale_is_voided()
    {
        var record = Publish("T-1", Stage("voided-later", TransactionStage.Authorized, Now - TimeSpan.FromMinutes(30)));
        Publish("T-1", Stage("voided-later", TransactionStage.Voided, Now - TimeSpan.FromMinutes(5)));
        Publish("T-2", Stage("voided-at-once", TransactionStage.Authorized, Now - TimeSpan.FromMinutes(30)),
            Stage("voided-at-once", TransactionStage.Voided, Now - TimeSpan.FromMinutes(29)));

        var cut = Render<Worklist>();

        Assert.Null(Book.Get("T-1", record.TransactionId)); // closed: off the book and the list
        var row = cut.Find("[data-testid=operator-S-1]");
        Assert.Equal("1", row.GetAttribute("data-total"));
    }
}
