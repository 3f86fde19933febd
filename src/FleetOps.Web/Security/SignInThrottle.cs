using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Security;

/// <summary>
/// Failed sign-ins counted per (client address, e-mail). After <see cref="SignInThrottleOptions.FailuresBeforePause"/>
/// failures that pair is paused (1, 2, 4 … up to 15 minutes, doubling with each further failure), whether the account
/// exists or not. The pause holds back whoever guesses from that address; the account's owner signing in from
/// anywhere else is not affected, so nobody can lock a known account out. Per-address rate limiting across all
/// accounts comes first (<c>FleetOps:RateLimits:SignInPerMinute</c>).
/// </summary>
/// <remarks>
/// In memory, per node: a restart forgets the counts, and N nodes allow N times the guesses. Timed on the monotonic clock,
/// not the wall clock: nothing here outlives the process, and a wall clock set back an hour by NTP kept a user who had
/// mistyped their password five times out for that hour.
/// </remarks>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    /// <summary>Failures are forgotten after this long without another one (a user who mistyped yesterday starts afresh).</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Above this many tracked pairs, pairs that are neither paused nor recent are dropped (bounded memory).</summary>
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<(string Address, string Email), Failures> _failures = new();

    private readonly long _origin = clock.GetTimestamp();

    /// <summary>Moments as time since this throttle was made, on the clock no one sets.</summary>
    private sealed record Failures(int Count, int Pauses, TimeSpan PausedUntil, TimeSpan LastAt);

    private TimeSpan Now => clock.GetElapsedTime(_origin);

    public bool IsPaused(string? address, string email) =>
        _failures.TryGetValue(Key(address, email), out var failures) && failures.PausedUntil > Now;

    public void Failed(string? address, string email)
    {
        var now = Now;
        _failures.AddOrUpdate(Key(address, email), _ => Next(null, now), (_, failures) => Next(failures, now));
        if (_failures.Count > MaxTracked) Prune(now);
    }

    public void Succeeded(string? address, string email) => _failures.TryRemove(Key(address, email), out _);

    private Failures Next(Failures? failures, TimeSpan now)
    {
        if (failures is null || now - failures.LastAt > ForgetAfter) failures = new Failures(0, 0, default, now);
        var count = failures.Count + 1;
        if (count < options.Value.FailuresBeforePause) return failures with { Count = count, LastAt = now };
        var pause = options.Value.FirstPause * Math.Pow(2, Math.Min(failures.Pauses, 16));
        return new Failures(count, failures.Pauses + 1, now + (pause < options.Value.LongestPause ? pause : options.Value.LongestPause), now);
    }

    private void Prune(TimeSpan now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.PausedUntil <= now && now - failures.LastAt > options.Value.FirstPause) _failures.TryRemove(key, out _);
        }
    }

    private static (string, string) Key(string? address, string email) => (address ?? "unknown", email.Trim().ToUpperInvariant());
}
