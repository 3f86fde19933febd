using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// What a subscriber of the fleet's or the book's changes does after COMMIT cannot undo the commit (issue 9): a page
/// whose circuit is gone throws from its callback — on the thread pool, never on the writer's thread — yet the terminal
/// gets its 200, the events are stored, the book holds the sale, the other subscribers still hear of the change, and
/// the writer goes on. Nor can it stop the clock that applies offline deadlines. A subscriber stuck in its callback
/// holds up nobody either.
/// </summary>
public sealed class ThrowingSubscriberTests
{
    [Fact]
    public async Task Subscribers_throwing_after_the_commit_change_neither_the_answer_nor_the_book()
    {
        await using var app = new FleetOpsApp();
        var till = await Till.OpenAsync(app);
        var fleet = app.GetService<FleetState>();
        var book = app.GetService<TransactionBook>();
        using var _ = fleet.Subscribe(null, DisposedPage);
        using var __ = book.Subscribe(null, DisposedPage);
        var (heardByOtherSubscriber, ___) = Listen(book, t => t.TransactionId);
        var now = DateTimeOffset.UtcNow;

        // A late backlog: the sale is past its settlement deadline on arrival, so the list shows it at once.
        var answer = await till.SendSaleInAsync("not_settled", "000123-0901", now);

        Assert.Equal(2, answer["accepted"]!.GetValue<int>());
        Assert.Equal(2, await app.StoredEventsAsync(till.TerminalId));
        Assert.Equal("not_settled", await app.ReasonAsync(till, "000123-0901"));
        await HeardAsync(heardByOtherSubscriber, "000123-0901", "the other subscriber of the book to hear of the sale");

        var later = await till.SendAsync(Heartbeat("hb-later", now, appVersion: "3.4.0"));
        Assert.Equal(1, later["accepted"]!.GetValue<int>());
        Assert.Equal("3.4.0", Expect.Wire((await app.GetTerminalAsync(till.TerminalId))["appVersion"]));
    }

    [Fact]
    public async Task A_subscriber_stuck_in_its_callback_holds_up_neither_the_writer_nor_the_other_subscribers()
    {
        await using var app = new FleetOpsApp();
        var till = await Till.OpenAsync(app);
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = app.GetService<FleetState>().Subscribe(null, _ => stuck.Task);
        using var __ = app.GetService<TransactionBook>().Subscribe(null, _ => stuck.Task);
        var (versions, ___) = Listen(app.GetService<FleetState>(), t => $"{t.TerminalId} {t.AppVersion}");
        var now = DateTimeOffset.UtcNow;

        var answer = await till.SendSaleInAsync("not_settled", "000123-0902", now);
        var later = await till.SendAsync(Heartbeat("hb-later", now, appVersion: "3.4.0"));

        Assert.Equal(2, answer["accepted"]!.GetValue<int>());
        Assert.Equal(1, later["accepted"]!.GetValue<int>());
        Assert.Equal("not_settled", await app.ReasonAsync(till, "000123-0902"));
        await HeardAsync(versions, $"{till.TerminalId} 3.4.0", "the other subscriber of the fleet to hear of the later heartbeat");
        stuck.SetResult();
    }

    [Fact]
    public async Task Subscriber_throwing_when_a_terminal_is_registered_neither_fails_the_registration_nor_loses_its_key()
    {
        await using var app = new FleetOpsApp();
        using var _ = app.GetService<FleetState>().Subscribe(null, DisposedPage);

        var (terminal, key) = await app.NewTerminalAsync();

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));
        Assert.Equal("online", Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]));
    }

    [Fact]
    public async Task Subscriber_throwing_while_the_clock_takes_a_terminal_offline_does_not_stop_the_clock()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
            Settings = new Dictionary<string, string?> { ["FleetOps:Detection:OfflineAfterSeconds"] = "180" },
        });
        var clock = app.Clock!;
        var (first, firstKey) = await app.NewTerminalAsync();
        var (second, secondKey) = await app.NewTerminalAsync();
        await app.PostAcceptedAsync(firstKey, first, Heartbeat("hb-1", clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(60));
        await app.PostAcceptedAsync(secondKey, second, Heartbeat("hb-1", clock.GetUtcNow()));
        using var _ = app.GetService<FleetState>().Subscribe(null, DisposedPage);

        clock.Advance(TimeSpan.FromSeconds(120));
        clock.Advance(FleetClock.Tick);
        await Eventually.MatchesAsync(() => ConnectivityAsync(app, first), c => c == "offline", "the first terminal to go offline");
        clock.Advance(TimeSpan.FromSeconds(60));
        clock.Advance(FleetClock.Tick);
        await Eventually.MatchesAsync(() => ConnectivityAsync(app, second), c => c == "offline", "the second terminal to go offline a minute later");
    }

    /// <summary>As Blazor throws when a component of a closed circuit is asked to render.</summary>
    private static Task DisposedPage<T>(ChangeBatch<T> changes) => throw new InvalidOperationException("The render handle is not yet assigned.");

    /// <summary>A well-behaved subscriber: notes what it hears, in the words of <paramref name="describe"/>.</summary>
    private static (List<string> Heard, IDisposable Subscription) Listen<T>(IChangeSource<T> source, Func<T, string> describe)
    {
        var heard = new List<string>();
        var subscription = source.Subscribe(null, changed =>
        {
            lock (heard) heard.AddRange(changed.Select(describe));
            return Task.CompletedTask;
        });
        return (heard, subscription);
    }

    private static Task HeardAsync(List<string> heard, string expected, string what) =>
        Eventually.MatchesAsync(() =>
        {
            lock (heard) return Task.FromResult(heard.Contains(expected));
        }, found => found, what);

    private static async Task<string> ConnectivityAsync(FleetOpsApp app, string terminal) =>
        Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]);
}
