using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FleetOps.Simulator;

internal sealed record LoadTestSettings(int Concurrency, TimeSpan Duration, int EventsPerRequest);

/// <summary>
/// Closed-loop ingestion benchmark: each worker sends a heartbeat batch for the next terminal and waits for
/// the answer before sending again, so throughput is what the server sustains, not what the client can queue.
/// </summary>
internal sealed class LoadTest(HttpClient http, IReadOnlyList<SimulatedTerminal> terminals, LoadTestSettings settings, TextWriter output)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    // Letters only, so the event ids "<nonce>-<counter>" never join the clock's digits to the counter's (card-number guard).
    private readonly string _runNonce = Letters.Of(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    private readonly DateTimeOffset _bootedAt = DateTimeOffset.UtcNow.AddHours(-1);
    private long _nextTerminal = -1;
    private long _nextEventId;
    private long _requests;
    private long _committed;

    private sealed class WorkerStats
    {
        public LatencyHistogram Latency { get; } = new();
        public Dictionary<int, long> StatusCounts { get; } = [];
        public long TransportErrors { get; set; }
    }

    /// <returns>The number of failed requests (non-200 responses plus transport errors).</returns>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {terminals.Count} terminals, {settings.Concurrency} workers, {settings.EventsPerRequest} event(s) per request, {settings.Duration.TotalSeconds:F0} s"));
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(_ => Task.Run(() => WorkerAsync(stopwatch, cancellationToken), CancellationToken.None))
            .ToArray();
        using (var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var progress = ReportProgressAsync(stopwatch, progressStop.Token);
            await Task.WhenAll(workers).ConfigureAwait(false);
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }
        var elapsed = stopwatch.Elapsed;

        var total = new WorkerStats();
        foreach (var stats in workers.Select(w => w.Result))
        {
            total.Latency.Add(stats.Latency);
            total.TransportErrors += stats.TransportErrors;
            foreach (var (status, count) in stats.StatusCounts)
                total.StatusCounts[status] = total.StatusCounts.GetValueOrDefault(status) + count;
        }
        return PrintReport(total, elapsed);
    }

    private async Task<WorkerStats> WorkerAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        var stats = new WorkerStats();
        // In-flight requests are allowed to finish after the deadline; cancelling them would count as errors.
        while (clock.Elapsed < settings.Duration && !cancellationToken.IsCancellationRequested)
        {
            var terminal = terminals[(int)((ulong)Interlocked.Increment(ref _nextTerminal) % (ulong)terminals.Count)];
            using var request = BuildRequest(terminal);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None).ConfigureAwait(false);
                stats.Latency.Record(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref _requests);
                var status = (int)response.StatusCode;
                stats.StatusCounts[status] = stats.StatusCounts.GetValueOrDefault(status) + 1;
                if (response.StatusCode == HttpStatusCode.OK)
                    Interlocked.Add(ref _committed, AcceptedCount(body));
                else if (status is 429 or 503)
                    await Task.Delay(PauseFor(response, settings.Duration - clock.Elapsed), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                stats.TransportErrors++;
                // A refused connection fails in microseconds; without a pause the error count would be meaningless.
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        return stats;
    }

    private HttpRequestMessage BuildRequest(SimulatedTerminal terminal)
    {
        var now = DateTimeOffset.UtcNow;
        var firstId = Interlocked.Add(ref _nextEventId, settings.EventsPerRequest) - settings.EventsPerRequest;
        var events = new TelemetryEvent[settings.EventsPerRequest];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new TelemetryEvent
            {
                Id = $"{_runNonce}-{(firstId + i).ToString(CultureInfo.InvariantCulture)}",
                Type = EventTypes.Heartbeat,
                At = now,
                BootId = _runNonce,
                UptimeSeconds = (long)(now - _bootedAt).TotalSeconds,
                AppVersion = "3.3.0",
                FirmwareVersion = "1.9.0",
                PowerSource = "mains",
                BatteryPercent = 100,
                PendingReversals = 0,
                OpenBatchCount = 0,
                OpenBatchAmountMinor = 0,
                Currency = "CNY",
            };
        }
        var body = JsonBody.Create(new TelemetryRequest { TerminalId = terminal.TerminalId, Events = events }, SimulatorJson.Default.TelemetryRequest);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/telemetry") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", terminal.Key);
        return request;
    }

    private static int AcceptedCount(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, SimulatorJson.Default.TelemetryResponse)?.Accepted ?? 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    // Honour the server's back-pressure, but briefly: the test has to finish on time.
    private static TimeSpan PauseFor(HttpResponseMessage response, TimeSpan remaining)
    {
        var delta = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(100);
        var cap = remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
        return delta > cap ? (cap > TimeSpan.Zero ? cap : TimeSpan.Zero) : delta;
    }

    private async Task ReportProgressAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        long lastCommitted = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var committed = Interlocked.Read(ref _committed);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,5:F0} s  requests={Interlocked.Read(ref _requests)}  committed={committed}  events/s={(committed - lastCommitted) / ProgressInterval.TotalSeconds:F0}"));
                lastCommitted = committed;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long PrintReport(WorkerStats total, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var requests = Interlocked.Read(ref _requests);
        var committed = Interlocked.Read(ref _committed);
        var non200 = total.StatusCounts.Where(kv => kv.Key != 200).OrderBy(kv => kv.Key).ToList();
        var errors = non200.Sum(kv => kv.Value) + total.TransportErrors;
        var latency = total.Latency;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"duration          {seconds:F1} s"));
        output.WriteLine(string.Create(inv, $"requests          {requests} ({requests / seconds:F1}/s)"));
        output.WriteLine(string.Create(inv, $"committed events  {committed} ({committed / seconds:F1}/s)"));
        output.WriteLine(string.Create(inv,
            $"latency ms        p50 {latency.PercentileMilliseconds(50):F1}  p95 {latency.PercentileMilliseconds(95):F1}  p99 {latency.PercentileMilliseconds(99):F1}  max {latency.MaxMilliseconds:F1}"));
        output.WriteLine(non200.Count == 0
            ? "non-200 responses none"
            : "non-200 responses " + string.Join(", ", non200.Select(kv => string.Create(inv, $"{kv.Key}: {kv.Value}"))));
        output.WriteLine(string.Create(inv, $"transport errors  {total.TransportErrors}"));
        output.WriteLine(string.Create(inv,
            $"RESULT events_per_sec={committed / seconds:F0} p50_ms={latency.PercentileMilliseconds(50):F1} p95_ms={latency.PercentileMilliseconds(95):F1} p99_ms={latency.PercentileMilliseconds(99):F1} errors={errors}"));
        return errors;
    }
}
