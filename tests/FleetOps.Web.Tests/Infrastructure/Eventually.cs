namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Waits for something asynchronous by polling a condition until a timeout; never a blind sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last value: {value}");
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Moves a fake clock on by <paramref name="step"/> until <paramref name="condition"/> holds, waiting a moment after each
    /// step: a background service's timer on that clock may be created only after the test's first step (.NET 10 starts
    /// ExecuteAsync on the thread pool), and a single step would then be missed and the wait time out for no reason.
    /// </summary>
    public static async Task TickingAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what, int steps = 20)
    {
        for (var i = 0; i < steps && !condition(); i++)
        {
            clock.Advance(step);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
        }
        if (!condition()) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what} after {steps} steps of {step}");
    }
}
