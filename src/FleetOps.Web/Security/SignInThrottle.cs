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
/// <remarks>In memory, per node: a restart forgets the counts, and N nodes allow N times the guesses.</remarks>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    /// <summary>Failures are forgotten after this long without another one (a user who mistyped yesterday starts afresh).</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Above this many tracked pairs, pairs that are neither paused nor recent are dropped (bounded memory).</summary>
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<(string Address, string Email), Failures> _failures = new();

    private sealed record Failures(int Count, int Pauses, DateTimeOffset PausedUntil, DateTimeOffset LastAt);

    public bool IsPaused(string? address, string email) =>
        _failures.TryGetValue(Key(address, email), out var failures) && failures.PausedUntil > clock.GetUtcNow();

    public void Failed(string? address, string email)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(address, email), _ => Next(null, now), (_, failures) => Next(failures, now));
        if (_failures.Count > MaxTracked) Prune(now);
    }

    public void Succeeded(string? address, string email) => _failures.TryRemove(Key(address, email), out _);

    private Failures Next(Failures? failures, DateTimeOffset now)
    {
        if (failures is null || now - failures.LastAt > ForgetAfter) failures = new Failures(0, 0, default, now);
        var count = failures.Count + 1;
        if (count < options.Value.FailuresBeforePause) return failures with { Count = count, LastAt = now };
        var pause = options.Value.FirstPause * Math.Pow(2, Math.Min(failures.Pauses, 16));
        return new Failures(count, failures.Pauses + 1, now + (pause < options.Value.LongestPause ? pause : options.Value.LongestPause), now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.PausedUntil <= now && now - failures.LastAt > options.Value.FirstPause) _failures.TryRemove(key, out _);
        }
    }

    private static (string, string) Key(string? address, string email) => (address ?? "unknown", email.Trim().ToUpperInvariant());
}
