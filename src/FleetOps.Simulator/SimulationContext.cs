namespace FleetOps.Simulator;

internal sealed class SimulationContext(SimulationOptions options, int seed, string runNonce, Action<string>? log)
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    public SimulationOptions Options { get; } = options;
    public Random Random { get; } = new(seed);
    public Scheduler Scheduler { get; } = new();

    // Distinguishes this run's boot ids (and hence event ids) from those of an earlier run against the same server.
    public string RunNonce { get; } = runNonce;

    public Action<string>? Log { get; } = log;

    // Terminals that may have something to send; drained by the loop after each pass.
    public HashSet<TerminalBehaviour> Pending { get; } = [];

    // The loop sets this once per pass so that every event of the pass has a consistent timestamp.
    public DateTimeOffset Now { get; set; }

    public DateTimeOffset EventTime => Now.AddTicks(-(Now.Ticks % TimeSpan.TicksPerMillisecond));

    // A zero delay would let an action be picked up again in the same pass and spin.
    public void Schedule(TimeSpan delay, ActionKind kind, TerminalBehaviour? terminal = null, int generation = -1, object? payload = null) =>
        Scheduler.Add(Now + (delay < MinimumDelay ? MinimumDelay : delay), new ScheduledAction(kind, terminal, generation, payload));

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public TimeSpan Seconds(double min, double max) => TimeSpan.FromSeconds(min + (max - min) * Random.NextDouble());

    public TimeSpan Minutes(double min, double max) => TimeSpan.FromMinutes(min + (max - min) * Random.NextDouble());

    public TimeSpan Fraction(TimeSpan span, double min, double max) => span * (min + (max - min) * Random.NextDouble());

    // Poisson arrivals; capped so one unlucky draw cannot park a chain for days.
    public TimeSpan Exponential(TimeSpan mean) => mean * Math.Min(-Math.Log(1 - Random.NextDouble()), 8);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];
}
