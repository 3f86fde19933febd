using FleetOps.LiveBench;

// Measurements of the live path (issue 9), each bounded in count and time and stopping by itself:
//   latency    --url U --api-token T --email E --password P [--probes 120] [--chromium /usr/bin/chromium]
//   dashboards --url U --api-token T [--clients 200] [--seconds 30]
//   alerts-page --url U --email E --password P [--visits 100] [--chromium /usr/bin/chromium]
//   software-target --url U --api-token T --email E --password P --model M [--terminals 100000] [--rounds 10]
//   tour       --url U --email E --password P --out DIR [--language en|zh] [--width 390] [--height 844] [--pages /a,/b] [--full true]
var options = BenchArguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "latency" => await LatencyProbe.RunAsync(options),
    "dashboards" => await DashboardCrowd.RunAsync(options),
    "alerts-page" => await AlertsPageProbe.RunAsync(options),
    "software-target" => await SoftwareTargetProbe.RunAsync(options),
    "tour" => await PageTour.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: FleetOps.LiveBench latency|dashboards --url http://127.0.0.1:PORT --api-token TOKEN [...]");
    return 2;
}
