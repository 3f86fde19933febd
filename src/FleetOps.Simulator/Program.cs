namespace FleetOps.Simulator;

// A named class rather than top-level statements: FleetOps.Web references this assembly, and a second
// global 'Program' type would be confusing next to its own.
internal static class Program
{
    private const string Usage = """
        FleetOps terminal simulator: speaks only the public HTTP contract (docs/docs/api.md).

        Usage:
          FleetOps.Simulator run  --url URL --api-token TOKEN [options]
          FleetOps.Simulator load --url URL --api-token TOKEN [options]
          FleetOps.Simulator --help

        run   Registers a demo chain and plays a live fleet until Ctrl+C: heartbeats, card transactions,
              settlements, flaky power, store outages, silent terminals, old software. Prints counters every 10 s.
          --terminals N          terminals to register and simulate (default 300)
          --stores N             stores to spread them over (default 20)
          --prefix P             id prefix for stores and terminals (default SIM); must be new on each server;
                                 at most 5 digits after its last letter
          --heartbeat-seconds N  heartbeat interval (default 15; the server may ask for shorter)
          --power-flaps X        share of terminals with flaky power (default 0.02)
          --interrupted X        share of transactions cut off by power loss after authorisation (default 0.03)
          --old-versions X       share of terminals on old app/firmware (default 0.1)
          --silent X             share of terminals that go silent for long periods (default 0.02)
          --duration-seconds N   stop after N seconds (default: run until Ctrl+C)

        load  Registers terminals, then posts heartbeats as fast as the server accepts them and reports
              throughput and latency. The last line is machine-readable:
              RESULT events_per_sec=N p50_ms=N.N p95_ms=N.N p99_ms=N.N errors=N
          --terminals N          terminals to register (default 10000)
          --stores N             stores (default 200)
          --concurrency N        parallel workers and HTTP connections (default 64)
          --duration-seconds N   measurement time (default 30)
          --events-per-request N heartbeats per request, 1-500 (default 1)
          --prefix P             id prefix (default LOAD); must be new on each server
          --keys-file FILE       send as the terminals in FILE (terminalId,key lines, e.g. a bulk import's
                                 keys file) instead of registering new ones; no --api-token needed

        Common:
          --url URL              server base URL, e.g. http://127.0.0.1:5000
          --api-token TOKEN      management API token (or set FLEETOPS_API_TOKEN)

        Exit codes: 0 success, 1 registration or server failure, 2 bad arguments.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var mode = args[0];
        if (mode is "--help" or "-h" or "help")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C stops cleanly; a second one (after cancellation) kills the process as usual.
            if (cancel.IsCancellationRequested)
                return;
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var options = new CliArguments(args.Skip(1));
            if (options.Help)
            {
                Console.WriteLine(Usage);
                return 0;
            }
            return mode switch
            {
                "run" => await Commands.RunAsync(options, cancel.Token),
                "load" => await Commands.LoadAsync(options, cancel.Token),
                _ => throw new CliException($"unknown mode '{mode}'; expected 'run' or 'load'"),
            };
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine("Run with --help for usage.");
            return 2;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 1;
        }
    }
}
