using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Components.Transactions;
using FleetOps.Web.Fleet;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Bench;

/// <summary>Times the first page of the unsettled worklist (over HTTP against a running server, and in-process) and the success-rate report.</summary>
public static class WorklistTimings
{
    private const int Warmup = 10;

    /// <summary>Sequential requests (one at a time) for the first page: default, one store, one reason.</summary>
    public static async Task HttpAsync(string url, string token, int requests, string store)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (string Name, string Path)[] cases =
        [
            ("first page, all stores", "/api/v1/transactions/unsettled"),
            ($"first page, store {store}", $"/api/v1/transactions/unsettled?store={store}"),
            ("first page, reason incomplete", "/api/v1/transactions/unsettled?reason=incomplete"),
        ];
        foreach (var (name, path) in cases)
        {
            var total = 0;
            for (var i = 0; i < Warmup; i++) total = await TotalOf(client, path);
            var times = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"GET {path} ({name}, total {total:N0}): {requests} requests, {Summary(times)}");
        }
    }

    /// <summary>
    /// Loads the book as the server does at start-up (<see cref="FleetStateLoader"/>), then times what the worklist page does
    /// on every rebuild: <see cref="UnsettledModel.Build"/> plus the first page of <see cref="UnsettledQuery.Run"/>.
    /// </summary>
    public static async Task ModelAsync(string database, int iterations)
    {
        var time = TimeProvider.System;
        var (fleet, stores, book, _) = await LoadAsync(database, time);
        var watch = new Stopwatch();

        var firstStore = stores.All[0];
        (string Name, AccessScope Scope, string? Store)[] cases =
        [
            ("administrator, all stores", AccessScope.All, null),
            ($"regional manager, region {firstStore.Region}", AccessScope.Of([firstStore.Region], []), null),
            ($"administrator, store {firstStore.Code}", AccessScope.All, firstStore.Code),
        ];
        foreach (var (name, scope, store) in cases)
        {
            var builds = new List<double>(iterations);
            var pages = new List<double>(iterations);
            long allocated = 0;
            var cpu = TimeSpan.Zero;
            for (var i = -3; i < iterations; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var now = time.GetUtcNow();
                watch.Restart();
                UnsettledModel.Build(book, fleet, stores, scope, now, store);
                var built = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                new UnsettledQuery { Stores = UnsettledModel.StoresFor(scope, stores, store), PageSize = 25 }.Run(book.Unsettled, now);
                var paged = watch.Elapsed.TotalMilliseconds;
                if (i < 0) continue; // warm-up
                builds.Add(built);
                pages.Add(paged);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            }
            Console.WriteLine($"worklist rebuild ({name}), {iterations} runs: UnsettledModel.Build {Summary(builds)}; " +
                              $"first page UnsettledQuery.Run {Summary(pages)}; together {Summary(builds.Zip(pages, (a, b) => a + b).ToList())}; " +
                              $"per rebuild: process CPU {cpu.TotalMilliseconds / iterations:F1} ms, allocated {allocated / (double)iterations / 1048576.0:F1} MiB");
        }
    }

    /// <summary>
    /// The success-rate page for the whole chain (issue 15): the history's load of the closed sales' days from the database,
    /// then <see cref="SuccessRateReport.Build"/> over 90 days as every live refresh of the page runs it.
    /// </summary>
    public static async Task SuccessAsync(string database, int iterations)
    {
        var time = TimeProvider.System;
        var detection = new DetectionOptions();
        var (fleet, stores, book, databases) = await LoadAsync(database, time);
        using var history = new SaleHistory(databases, book, fleet, stores, detection, time, NullLogger<SaleHistory>.Instance);
        var watch = Stopwatch.StartNew();
        var rows = await history.RefreshAsync(CancellationToken.None);
        Console.WriteLine($"sale history load: {rows:N0} closed sales + {book.OpenCount:N0} open in {watch.Elapsed.TotalSeconds:F1} s, " +
                          $"{history.Read(t => t.Count):N0} store-days, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MiB");
        var builds = new List<double>(iterations);
        for (var i = -3; i < iterations; i++)
        {
            watch.Restart();
            var report = history.Read(t => SuccessRateReport.Build(t, stores, null, time.GetUtcNow(), days: SuccessRateReport.MaxDays));
            if (i < 0) continue;
            builds.Add(watch.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"whole chain, 90 days: {report.Total.Started:N0} sales started, {report.Stores.Count:N0} stores");
        }
        Console.WriteLine($"success-rate report (administrator, all stores, 90 days), {iterations} runs: {Summary(builds)}");
    }

    /// <summary>The fleet, stores and open sales as the server loads them at start-up (<see cref="FleetStateLoader"/>).</summary>
    private static async Task<(FleetState, StoreDirectory, TransactionBook, FleetDbContextFactory)> LoadAsync(string database, TimeProvider time)
    {
        var detection = new DetectionOptions();
        var fleet = new FleetState(time, detection);
        var stores = new StoreDirectory();
        var book = new TransactionBook(time, detection, fleet);
        var databases = new FleetDbContextFactory(new DatabaseOptions { ConnectionString = $"Data Source={database}" });
        var loader = new FleetStateLoader(databases, fleet, stores, new TerminalKeys(), book, new FleetOps.Core.Reconciliation.NotCreditedBook(), time, NullLogger<FleetStateLoader>.Instance);
        var watch = Stopwatch.StartNew();
        await loader.LoadAsync(CancellationToken.None);
        var loaded = watch.Elapsed;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"in-process load (FleetStateLoader): {loaded.TotalSeconds:F1} s, {book.OpenCount:N0} open, " +
                          $"{book.Unsettled.Count():N0} unsettled, {fleet.Count:N0} terminals, managed heap {heap / 1048576.0:F0} MiB");
        return (fleet, stores, book, databases);
    }

    private static async Task<int> TotalOf(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static string Summary(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return $"p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F1} ms";
    }
}
