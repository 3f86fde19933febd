using System.Diagnostics;
using System.Text;
using FleetOps.Core.Telemetry;

namespace FleetOps.Bench;

/// <summary>
/// The telemetry request parser on its own (issues 9 and 17: in a 500-heartbeat request it was half of the server's CPU,
/// docs/benchmarks.md): the body of scripts/wrk-telemetry.lua's requests, parsed and validated again and again on one
/// thread, reported as CPU microseconds per event. CPU time, not wall time: a shared VM's steal does not count.
/// </summary>
internal static class ParseTimings
{
    public static void Run(int eventsPerRequest, int seconds)
    {
        var now = DateTimeOffset.UtcNow;
        var body = Encoding.UTF8.GetBytes(Body(eventsPerRequest, now));
        // Warm-up: the JIT's tier-1 code is what a server runs after its first seconds.
        Measure(body, now, TimeSpan.FromSeconds(Math.Max(2, seconds / 3)));
        var (requests, cpu) = Measure(body, now, TimeSpan.FromSeconds(seconds));
        var events = (double)requests * eventsPerRequest;
        Console.WriteLine($"RESULT parse_cpu_us_per_event={cpu.TotalMicroseconds / events:F2} events_per_request={eventsPerRequest} " +
                          $"requests={requests} body_bytes={body.Length}");
    }

    private static (long Requests, TimeSpan Cpu) Measure(byte[] body, DateTimeOffset now, TimeSpan length)
    {
        var process = Process.GetCurrentProcess();
        var startCpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long requests = 0;
        while (wall.Elapsed < length)
        {
            var batch = TelemetryBatch.Parse(body, now, EventLimits.Default, out var problem)
                        ?? throw new InvalidOperationException(problem);
            if (batch.Events.Count == 0 || batch.Events[0].Event is null) throw new InvalidOperationException("the events were refused");
            requests++;
        }
        process.Refresh();
        return (requests, process.TotalProcessorTime - startCpu);
    }

    /// <summary>What scripts/wrk-telemetry.lua sends: heartbeats of one terminal with letter-and-counter ids.</summary>
    private static string Body(int events, DateTimeOffset now)
    {
        var at = now.ToString("yyyy-MM-ddTHH:mm:ss+00:00");
        var list = Enumerable.Range(1, events).Select(i =>
            $$"""{"id":"wrkt0n1e{{i}}","type":"heartbeat","at":"{{at}}","bootId":"wrk","uptimeSeconds":3600,"appVersion":"4.2.0","firmwareVersion":"1.8.3","powerSource":"mains"}""");
        return $$"""{"terminalId":"T-000001","events":[{{string.Join(",", list)}}]}""";
    }
}
