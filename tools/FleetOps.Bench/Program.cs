using FleetOps.Bench;

// Benchmark helpers, driven by scripts/bench-worklist.sh (docs/benchmarks.md):
//   seed  --db FILE | --postgres CONNECTION [--transactions 1000000] [--open 100000] [--terminals 3000] [--stores 150] [--days 30] [--seed 4] [--heartbeats 0] [--keys-file FILE] [--offline 0] [--boot-id ID]
//   http  --url URL --token TOKEN [--requests 200] [--store CODE]
//   model --db FILE [--iterations 30]
//   success --db FILE [--iterations 30]   (the success-rate history's load and the whole chain's 90-day report)
//   parse [--events 500] [--seconds 10]   (the telemetry request parser alone: CPU µs per event)
//   storage --db FILE | --postgres CONNECTION [--terminals 2000] [--sales 5] [--seed 4]   (scripts/bench-storage.sh)
var command = args.FirstOrDefault();
var settings = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2) settings[args[i].TrimStart('-')] = args[i + 1];
string Text(string name) => settings.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
int Number(string name, int fallback) => settings.TryGetValue(name, out var value) ? int.Parse(value) : fallback;

switch (command)
{
    case "seed":
        await new Seeder(new SeedOptions(settings.GetValueOrDefault("postgres") is null ? Text("db") : null, Number("transactions", 1_000_000), Number("open", 100_000),
            Number("terminals", 3_000), Number("stores", 150), Number("days", 30), Number("seed", 4), Number("heartbeats", 0),
            settings.GetValueOrDefault("keys-file"), Number("offline", 0), settings.GetValueOrDefault("boot-id"),
            settings.GetValueOrDefault("postgres"))).RunAsync();
        return 0;
    case "http":
        await WorklistTimings.HttpAsync(Text("url"), Text("token"), Number("requests", 200), settings.GetValueOrDefault("store", "ST-0001"));
        return 0;
    case "model":
        await WorklistTimings.ModelAsync(Text("db"), Number("iterations", 30));
        return 0;
    case "success":
        await WorklistTimings.SuccessAsync(Text("db"), Number("iterations", 30));
        return 0;
    case "storage":
        await new StorageDay(new StorageDayOptions(settings.GetValueOrDefault("db"), settings.GetValueOrDefault("postgres"),
            Number("terminals", 2_000), Number("sales", 5), Number("seed", 4))).RunAsync();
        return 0;
    case "parse":
        ParseTimings.Run(Number("events", 500), Number("seconds", 10));
        return 0;
    default:
        Console.Error.WriteLine("usage: FleetOps.Bench seed|http|model|success|parse|storage [--option value ...] (see Program.cs)");
        return 2;
}
