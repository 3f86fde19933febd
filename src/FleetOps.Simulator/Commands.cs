using System.Globalization;

namespace FleetOps.Simulator;

/// <summary>The two command-line modes: arguments in, exit code out.</summary>
internal static class Commands
{
    private const string TokenVariable = "FLEETOPS_API_TOKEN";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var url = args.BaseUrl("url");
        var token = args.Required("api-token", TokenVariable);
        var terminalCount = args.Int("terminals", 300, 1, 100_000);
        var storeCount = args.Int("stores", 20, 1, 10_000);
        var prefix = args.Prefix("SIM");
        var options = new SimulationOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(args.Int("heartbeat-seconds", 15, 1, 3600)),
            PowerFlapShare = args.Double("power-flaps", 0.02, 0, 1),
            InterruptedTransactionShare = args.Double("interrupted", 0.03, 0, 1),
            OldVersionShare = args.Double("old-versions", 0.1, 0, 1),
            SilentShare = args.Double("silent", 0.02, 0, 1),
        };
        var duration = args.OptionalInt("duration-seconds", 1, int.MaxValue);
        args.RejectUnknown();
        if (storeCount > terminalCount)
            throw new CliException("--stores must not exceed --terminals");

        using var http = CreateHttpClient(url, maxConnections: 32);
        var terminals = await RegisterAsync(http, token, FleetLayout.Create(prefix, terminalCount, storeCount), cancellationToken).ConfigureAwait(false);
        if (terminals is null)
            return 1;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } seconds)
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var simulation = new FleetSimulation(http, terminals, options, TimeProvider.System,
            line => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}"));
        Console.WriteLine($"running against {url} (Ctrl+C to stop)");
        var run = simulation.RunAsync(stop.Token);
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(10)))
        {
            while (await Task.WhenAny(run, timer.WaitForNextTickAsync(CancellationToken.None).AsTask()).ConfigureAwait(false) != run)
                Console.WriteLine($"{DateTime.Now:HH:mm:ss} {simulation.Counters}");
        }
        await run.ConfigureAwait(false);
        Console.WriteLine($"stopped: {simulation.Counters}");
        return 0;
    }

    public static async Task<int> LoadAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var url = args.BaseUrl("url");
        var keysFile = args.Optional("keys-file");
        var token = keysFile is null ? args.Required("api-token", TokenVariable) : "";
        var terminalCount = args.Int("terminals", 10_000, 1, 1_000_000);
        var storeCount = args.Int("stores", 200, 1, 100_000);
        var concurrency = args.Int("concurrency", 64, 1, 4096);
        var duration = args.Int("duration-seconds", 30, 1, 86_400);
        var eventsPerRequest = args.Int("events-per-request", 1, 1, 500);
        var prefix = args.Prefix("LOAD");
        args.RejectUnknown();
        if (storeCount > terminalCount)
            throw new CliException("--stores must not exceed --terminals");

        using var http = CreateHttpClient(url, concurrency);
        var terminals = keysFile is not null ? ReadKeys(keysFile)
            : await RegisterAsync(http, token, FleetLayout.Create(prefix, terminalCount, storeCount), cancellationToken).ConfigureAwait(false);
        if (terminals is null)
            return 1;
        var settings = new LoadTestSettings(concurrency, TimeSpan.FromSeconds(duration), eventsPerRequest);
        await new LoadTest(http, terminals, settings, Console.Out).RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Terminals already registered elsewhere (a bulk import's or the benchmark seeder's keys file: <c>terminalId,key</c>).</summary>
    private static List<SimulatedTerminal> ReadKeys(string path)
    {
        var terminals = File.ReadLines(path)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 2 && cells[1].StartsWith("tk_", StringComparison.Ordinal))
            .Select(cells => new SimulatedTerminal(cells[0], "", "", cells[1]))
            .ToList();
        if (terminals.Count == 0) throw new CliException($"--keys-file {path} holds no terminalId,key lines");
        Console.WriteLine($"{terminals.Count} terminals from {path}");
        return terminals;
    }

    private static async Task<List<SimulatedTerminal>?> RegisterAsync(HttpClient http, string token, FleetLayout layout, CancellationToken cancellationToken)
    {
        Console.WriteLine($"registering {layout.Stores.Count} stores and {layout.Terminals.Count} terminals at {http.BaseAddress}");
        try
        {
            return await new Registration(http, token, Console.Out).RegisterAsync(layout, cancellationToken).ConfigureAwait(false);
        }
        catch (TerminalExistsException ex)
        {
            var prefix = layout.Terminals[0].TerminalId[..layout.Terminals[0].TerminalId.LastIndexOf('-')];
            Console.Error.WriteLine(
                $"error: terminal {ex.TerminalId} is already registered, and its key was only shown when it was created, " +
                $"so the simulator cannot send as it. Run again with a different --prefix (for example --prefix {prefix}{DateTime.Now.ToString("HHmm", CultureInfo.InvariantCulture)}).");
            return null;
        }
        catch (RegistrationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return null;
        }
    }

    private static HttpClient CreateHttpClient(Uri baseUrl, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        return new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }
}
