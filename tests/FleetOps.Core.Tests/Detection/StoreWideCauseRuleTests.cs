using FleetOps.Core.Detection;

namespace FleetOps.Core.Tests.Detection;

public class StoreWideCauseRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly DetectionOptions Options = new();

    private static IReadOnlyList<DateTimeOffset> LossAt(double seconds) => [T0.AddSeconds(seconds)];
    private static IReadOnlyList<DateTimeOffset> NoLoss => [];

    [Fact]
    public void Three_of_four_terminals_losing_power_within_two_minutes_points_at_the_store()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), LossAt(50), LossAt(110), NoLoss];

        Assert.Equal(LikelyCause.Store, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Other_losses_before_this_terminals_loss_count_too()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), LossAt(-100), LossAt(-120), NoLoss];

        Assert.Equal(LikelyCause.Store, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void One_of_four_terminals_losing_power_points_at_the_device()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), NoLoss, NoLoss, NoLoss];

        Assert.Equal(LikelyCause.Device, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Two_of_four_is_below_sixty_percent_and_points_at_the_device()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), LossAt(10), NoLoss, NoLoss];

        Assert.Equal(LikelyCause.Device, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Only_terminal_of_a_store_points_at_the_device_because_at_least_two_are_needed()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0)];

        Assert.Equal(LikelyCause.Device, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Both_terminals_of_a_two_terminal_store_point_at_the_store()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), LossAt(30)];

        Assert.Equal(LikelyCause.Store, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Losses_more_than_two_minutes_apart_point_at_the_device()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), LossAt(121), LossAt(-121), NoLoss];

        Assert.Equal(LikelyCause.Device, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Neighbours_losses_hours_earlier_do_not_make_it_store_wide()
    {
        IReadOnlyList<DateTimeOffset>[] store = [LossAt(0), [T0.AddHours(-5)], [T0.AddHours(-5), T0.AddMinutes(30)], NoLoss];

        Assert.Equal(LikelyCause.Device, StoreWideCauseRule.Evaluate(T0, store, Options));
    }

    [Fact]
    public void Sixty_percent_threshold_holds_exactly_for_every_store_size_up_to_200()
    {
        for (var size = 2; size <= 200; size++)
        {
            var needed = Math.Max(2, (3 * size + 4) / 5); // ceil(60 %) in integers
            Assert.Equal(LikelyCause.Store, StoreWideCauseRule.Evaluate(T0, Store(size, needed), Options));
            Assert.Equal(LikelyCause.Device, StoreWideCauseRule.Evaluate(T0, Store(size, needed - 1), Options));
        }
    }

    private static IReadOnlyList<DateTimeOffset>[] Store(int size, int losing) =>
        Enumerable.Range(0, size).Select(i => i < losing ? LossAt(i) : NoLoss).ToArray();
}
