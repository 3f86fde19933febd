using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FleetOps.Simulator;

internal sealed record PlannedTerminal(string TerminalId, string StoreCode, string Model, string SerialNumber);

/// <summary>Deterministic names for a generated chain, so a prefix identifies one set of stores and terminals.</summary>
internal sealed record FleetLayout(IReadOnlyList<StoreCreateRequest> Stores, IReadOnlyList<PlannedTerminal> Terminals)
{
    private static readonly string[] Regions = ["East", "North", "South", "West"];
    private static readonly string[] Models = ["A920", "V400m", "Move5000"];
    private static readonly string[] Districts =
    [
        "Xuhui", "Pudong", "Jing'an", "Chaoyang", "Haidian", "Tianhe", "Futian", "Nanshan", "Wuhou", "Jinjiang",
        "Gulou", "Xihu", "Binjiang", "Yuzhong", "Hongshan", "Lixia", "Heping", "Nankai", "Yanta", "Siming",
    ];

    public static FleetLayout Create(string prefix, int terminalCount, int storeCount)
    {
        var stores = new List<StoreCreateRequest>(storeCount);
        for (var s = 0; s < storeCount; s++)
        {
            var district = Districts[s % Districts.Length];
            var name = s < Districts.Length ? district : $"{district} {s / Districts.Length + 1}";
            stores.Add(new StoreCreateRequest($"{prefix}-S{(s + 1).ToString("D3", CultureInfo.InvariantCulture)}", name,
                Regions[s % Regions.Length], "Asia/Shanghai"));
        }

        var width = Math.Max(4, terminalCount.ToString(CultureInfo.InvariantCulture).Length);
        var terminals = new List<PlannedTerminal>(terminalCount);
        for (var i = 0; i < terminalCount; i++)
        {
            var number = (i + 1).ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            // Contiguous blocks per store read better in the dashboard than round-robin.
            var store = stores[(int)((long)i * storeCount / terminalCount)];
            // Half A920, 30 % V400m, 20 % Move5000, like a mixed portable/countertop estate.
            var model = (i % 10) switch { < 5 => Models[0], < 8 => Models[1], _ => Models[2] };
            terminals.Add(new PlannedTerminal($"{prefix}-{number}", store.Code, model, $"SN-{prefix}-{number}"));
        }
        return new FleetLayout(stores, terminals);
    }
}

internal sealed class RegistrationException(string message) : Exception(message);

internal sealed class TerminalExistsException(string terminalId) : Exception($"terminal {terminalId} already exists")
{
    public string TerminalId { get; } = terminalId;
}

/// <summary>Creates stores and terminals through the management API (docs/api.md §2).</summary>
internal sealed class Registration(HttpClient http, string apiToken, TextWriter output)
{
    private const int Concurrency = 16;

    public async Task<List<SimulatedTerminal>> RegisterAsync(FleetLayout layout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var createdStores = 0;
        await Parallel.ForEachAsync(layout.Stores, Options(cancellationToken), async (store, ct) =>
        {
            if (await CreateStoreAsync(store, ct).ConfigureAwait(false))
                Interlocked.Increment(ref createdStores);
        }).ConfigureAwait(false);
        output.WriteLine($"stores: {createdStores} created, {layout.Stores.Count - createdStores} already existed");

        var keys = new SimulatedTerminal?[layout.Terminals.Count];
        var done = 0;
        var lastReport = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, layout.Terminals.Count), Options(cancellationToken), async (i, ct) =>
        {
            var planned = layout.Terminals[i];
            var key = await CreateTerminalAsync(planned, ct).ConfigureAwait(false);
            keys[i] = new SimulatedTerminal(planned.TerminalId, planned.StoreCode, planned.Model, key);
            var count = Interlocked.Increment(ref done);
            var last = Interlocked.Read(ref lastReport);
            if (Stopwatch.GetElapsedTime(last) > TimeSpan.FromSeconds(2) && Interlocked.CompareExchange(ref lastReport, Stopwatch.GetTimestamp(), last) == last)
                output.WriteLine($"terminals: {count}/{layout.Terminals.Count} registered");
        }).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"terminals: {layout.Terminals.Count} registered in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        return [.. keys.Select(k => k!)];
    }

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct };

    /// <returns>false when the store already exists, which is fine: the chain is shared between runs.</returns>
    private async Task<bool> CreateStoreAsync(StoreCreateRequest store, CancellationToken ct)
    {
        using var response = await PostAsync("api/v1/stores", JsonBody.Create(store, SimulatorJson.Default.StoreCreateRequest), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
            return false;
        await EnsureSuccessAsync(response, $"creating store {store.Code}", ct).ConfigureAwait(false);
        return true;
    }

    private async Task<string> CreateTerminalAsync(PlannedTerminal terminal, CancellationToken ct)
    {
        var body = new TerminalCreateRequest(terminal.TerminalId, terminal.StoreCode, terminal.Model, terminal.SerialNumber);
        using var response = await PostAsync("api/v1/terminals", JsonBody.Create(body, SimulatorJson.Default.TerminalCreateRequest), ct).ConfigureAwait(false);
        // The key is only shown at creation, so an existing terminal is useless to us.
        if (response.StatusCode == HttpStatusCode.Conflict)
            throw new TerminalExistsException(terminal.TerminalId);
        await EnsureSuccessAsync(response, $"registering terminal {terminal.TerminalId}", ct).ConfigureAwait(false);
        TerminalCreatedResponse? created;
        try
        {
            created = await response.Content.ReadFromJsonAsync(SimulatorJson.Default.TerminalCreatedResponse, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            created = null;
        }
        return created?.Key is { Length: > 0 } key
            ? key
            : throw new RegistrationException($"registering terminal {terminal.TerminalId}: the response has no 'key'");
    }

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        try
        {
            return await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RegistrationException($"cannot reach {http.BaseAddress}: {ex.GetBaseException().Message}");
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (text.Length > 300)
            text = text[..300];
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " (is --api-token right?)",
            HttpStatusCode.Forbidden => " (the API token lacks the administrator role)",
            _ => "",
        };
        throw new RegistrationException($"{what}: HTTP {(int)response.StatusCode}{hint} {text}".TrimEnd());
    }
}
