using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// One app on a fake clock that starts at the real time (so event timestamps pass the 5-minute check), with the
/// production detection settings of docs/api.md §3 spelled out. The test classes of the unsettled worklist share it
/// (one collection, so they run one after another and only one of them moves the clock at a time); each test works
/// in a store of its own and only looks at that store.
/// </summary>
public sealed class UnsettledClockApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
    Settings = ProductionDetection,
})
{
    public static readonly IReadOnlyDictionary<string, string?> ProductionDetection = new Dictionary<string, string?>
    {
        ["FleetOps:Detection:CompletionTimeoutSeconds"] = "300",
        ["FleetOps:Detection:SettleWithinHours"] = "26",
        ["FleetOps:Detection:AuthorizationExpiryWarningDays"] = "4",
    };

    /// <summary>The fake clock's time on a whole second, so that deadlines computed from event timestamps are exact.</summary>
    public DateTimeOffset Now() => WholeSecond(Clock!.GetUtcNow());

    public static DateTimeOffset WholeSecond(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>
    /// Moves the clock to <paramref name="at"/> and makes sure a sweep of the deadlines ran at that moment. Moves of hours and
    /// days jump (<see cref="ClockJump"/>): the deadlines are kept in the book, not in timers, so the last stretch's ticks find them.
    /// </summary>
    public void SweepAt(DateTimeOffset at)
    {
        Clock!.JumpTo(at);
        GetService<TransactionBook>().Sweep();
    }

    /// <summary>Moves the clock to <paramref name="deadline"/> and one tick of the background clock past it; nothing sweeps by hand.</summary>
    public void PassDeadline(DateTimeOffset deadline)
    {
        Clock!.JumpTo(deadline);
        Clock!.Advance(FleetClock.Tick);
    }
}

[CollectionDefinition(Name)]
public sealed class UnsettledClockCollection : ICollectionFixture<UnsettledClockApp>
{
    public const string Name = "Unsettled transactions on a fake clock";
}
