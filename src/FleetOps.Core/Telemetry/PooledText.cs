using CommunityToolkit.HighPerformance.Buffers;

namespace FleetOps.Core.Telemetry;

/// <summary>
/// The shared <see cref="StringPool"/> in front of a few strings each thread saw last. Versions and currencies repeat in
/// nearly every event, and the pool keeps one copy of each for the fleet's memory — but it takes a lock per lookup, and
/// with every request thread parsing the same "4.2.0" they all queue on one bucket's lock (measured: 45 % of the server's
/// CPU spinning in that lock during 500-heartbeat requests). A thread's last few answers, compared without any lock,
/// catch almost all of them; the rest go to the pool as before, so the same text still ends up as the same instance.
/// </summary>
internal static class PooledText
{
    private const int Recent = 4;

    [ThreadStatic]
    private static string[]? _recent;

    [ThreadStatic]
    private static int _next;

    public static string Get(string text)
    {
        var recent = _recent ??= new string[Recent];
        foreach (var seen in recent)
        {
            if (seen is not null && string.Equals(seen, text, StringComparison.Ordinal)) return seen;
        }
        var pooled = StringPool.Shared.GetOrAdd(text);
        recent[_next] = pooled;
        _next = (_next + 1) % Recent;
        return pooled;
    }
}
