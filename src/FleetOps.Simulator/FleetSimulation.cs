using System.Collections.Concurrent;

namespace FleetOps.Simulator;

/// <summary>
/// Emulates a fleet of terminals against the HTTP contract. One loop owns all terminal state and
/// wakes only when the next scheduled step is due or a request has finished; requests run as tasks,
/// at most <see cref="MaxConcurrentRequests"/> at a time and one per terminal, so a few hundred
/// terminals cost a handful of threads.
/// </summary>
public sealed class FleetSimulation
{
    private const int MaxConcurrentRequests = 16;
    private const int MaxEventsPerRequest = 200;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleWait = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<SimulatedTerminal> _terminals;
    private readonly SimulationOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string>? _log;
    private readonly TelemetryClient _client;
    private readonly SemaphoreSlim _requestSlots = new(MaxConcurrentRequests);
    private readonly ConcurrentQueue<(TerminalBehaviour Terminal, List<TelemetryEvent> Batch, SendResult Result)> _completions = new();
    private TaskCompletionSource _wake = NewWake();
    private int _started;
    private DateTimeOffset _lastProblemLog = DateTimeOffset.MinValue;
    private int _problemsSinceLog;
    private DateTimeOffset _lastFailureAt = DateTimeOffset.MinValue;
    private bool _failureReported;

    public FleetSimulation(HttpClient http, IReadOnlyList<SimulatedTerminal> terminals, SimulationOptions options, TimeProvider time, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(terminals);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (http.BaseAddress is null)
            throw new ArgumentException("HttpClient.BaseAddress must be set to the server's base URL.", nameof(http));
        options.Validate();
        _terminals = terminals;
        _options = options;
        _time = time;
        _log = log;
        _client = new TelemetryClient(http, Counters, time);
    }

    public SimulationCounters Counters { get; } = new();

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then completes normally.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("A FleetSimulation can only run once.");

        var now = _time.GetUtcNow();
        var ctx = new SimulationContext(_options, _options.Seed, Letters.Of(now.ToUnixTimeMilliseconds()), _log) { Now = now };
        var fleet = CreateFleet(ctx);
        var outages = new StoreOutages(fleet, ctx);
        foreach (var terminal in fleet)
            terminal.Start();
        outages.Start();
        _log?.Invoke(Describe(fleet));

        var inFlight = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Renew before draining: a completion queued after the drain then still wakes the wait below.
                if (_wake.Task.IsCompleted)
                    Volatile.Write(ref _wake, NewWake());
                ctx.Now = _time.GetUtcNow();
                DrainCompletions(ctx);
                while (ctx.Scheduler.TryDequeueDue(ctx.Now, out var action))
                    Dispatch(action, outages);
                StartSends(ctx, inFlight, cancellationToken);

                var next = ctx.Scheduler.NextDue ?? ctx.Now + IdleWait;
                // Capped: Task.Delay refuses waits beyond ~49 days, and a shorter wait costs nothing.
                var delay = next - ctx.Now > IdleWait ? IdleWait : next - ctx.Now;
                if (delay > TimeSpan.Zero)
                    await WaitAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // Requests observe the same token, so this only waits for them to unwind.
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private List<TerminalBehaviour> CreateFleet(SimulationContext ctx)
    {
        var count = _terminals.Count;
        // Exact counts rather than a coin per terminal, so a small demo fleet still shows each problem.
        int Share(double share) => (int)Math.Round(share * count, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, count).ToArray();
        ctx.Random.Shuffle(order);
        var flaky = order.Take(Share(_options.PowerFlapShare)).ToHashSet();
        var silent = order.Skip(flaky.Count).Take(Share(_options.SilentShare)).ToHashSet();
        ctx.Random.Shuffle(order);
        var old = order.Take(Share(_options.OldVersionShare)).ToHashSet();
        ctx.Random.Shuffle(order);
        var sloppy = order.Take(Share(0.05)).ToHashSet();

        var fleet = new List<TerminalBehaviour>(count);
        for (var i = 0; i < count; i++)
        {
            var traits = new TerminalTraits(flaky.Contains(i), silent.Contains(i), old.Contains(i), sloppy.Contains(i));
            fleet.Add(new TerminalBehaviour(_terminals[i], traits, ctx));
        }
        return fleet;
    }

    private static string Describe(List<TerminalBehaviour> fleet) =>
        $"simulating {fleet.Count} terminals in {fleet.Select(t => t.Info.StoreCode).Distinct().Count()} stores: " +
        $"{fleet.Count(t => t.Traits.FlakyPower)} with flaky power, {fleet.Count(t => t.Traits.GoesSilent)} going silent, " +
        $"{fleet.Count(t => t.Traits.OldVersion)} on old software";

    private static void Dispatch(ScheduledAction action, StoreOutages outages)
    {
        var terminal = action.Terminal;
        if (terminal is not null && action.Generation >= 0 && action.Generation != terminal.Generation)
            return;
        switch (action.Kind)
        {
            case ActionKind.StoreOutageCheck: outages.Check(); return;
            case ActionKind.StoreOutageRestore: outages.Restore((string)action.Payload!); return;
        }
        if (terminal is null)
            return;
        switch (action.Kind)
        {
            case ActionKind.PowerOn: terminal.PowerOn((BootReason)action.Payload!); break;
            case ActionKind.Heartbeat: terminal.HeartbeatTick(); break;
            case ActionKind.TransactionArrival: terminal.TransactionArrival(); break;
            case ActionKind.TransactionSign: terminal.Sign((SignStep)action.Payload!); break;
            case ActionKind.TransactionComplete: terminal.Complete((SimTransaction)action.Payload!); break;
            case ActionKind.TransactionAbandon: terminal.Abandon((SimTransaction)action.Payload!); break;
            case ActionKind.InterruptPower: terminal.InterruptPower((SimTransaction)action.Payload!); break;
            case ActionKind.Reversal: terminal.Reverse((SimTransaction)action.Payload!); break;
            case ActionKind.Void: terminal.Void((SimTransaction)action.Payload!); break;
            case ActionKind.Settlement: terminal.Settle(); break;
            case ActionKind.PowerFlap: terminal.PowerFlap(); break;
            case ActionKind.FlapRestore: terminal.FlapRestore(); break;
            case ActionKind.SilenceStart: terminal.SilenceStart(); break;
            case ActionKind.SilenceEnd: terminal.SilenceEnd(); break;
            case ActionKind.Upgrade: terminal.Upgrade(((string, string))action.Payload!); break;
            case ActionKind.StoreOutageLost: terminal.StoreOutageLost(); break;
            case ActionKind.StoreOutageTerminalRestore: terminal.RestoreAfterStoreOutage(); break;
            case ActionKind.RetrySend: break; // the terminal is re-examined for sending below
        }
    }

    private void StartSends(SimulationContext ctx, List<Task> inFlight, CancellationToken cancellationToken)
    {
        if (ctx.Pending.Count == 0)
            return;
        // Terminals that cannot send now are dropped from Pending; whatever unblocks them (boot, end of
        // silence, request completion, retry timer) adds them back.
        foreach (var terminal in ctx.Pending)
        {
            if (!terminal.CanSend(ctx.Now))
                continue;
            terminal.Sending = true;
            inFlight.Add(SendAsync(terminal, terminal.Outbox.PeekBatch(MaxEventsPerRequest), cancellationToken));
        }
        ctx.Pending.Clear();
        if (inFlight.Count > 4 * MaxConcurrentRequests)
            inFlight.RemoveAll(t => t.IsCompleted);
    }

    private async Task SendAsync(TerminalBehaviour terminal, List<TelemetryEvent> batch, CancellationToken cancellationToken)
    {
        SendResult result;
        try
        {
            await _requestSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                result = await _client.SendAsync(terminal.Info, batch, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _requestSlots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        _completions.Enqueue((terminal, batch, result));
        Volatile.Read(ref _wake).TrySetResult();
    }

    private void DrainCompletions(SimulationContext ctx)
    {
        while (_completions.TryDequeue(out var completion))
        {
            var (terminal, batch, result) = completion;
            terminal.Sending = false;
            if (result.Outcome == SendOutcome.Retry)
            {
                terminal.ConsecutiveFailures++;
                var backoff = result.RetryAfter ?? Backoff(terminal.ConsecutiveFailures, ctx.Random);
                terminal.NextSendAt = ctx.Now + backoff;
                ctx.Schedule(backoff, ActionKind.RetrySend, terminal);
                NoteProblem(ctx.Now, result.Problem, failed: true);
            }
            else
            {
                terminal.Outbox.Remove(batch);
                terminal.ConsecutiveFailures = 0;
                if (result.Directives is not null)
                    terminal.ApplyDirectives(result.Directives);
                NoteProblem(ctx.Now, result.Problem, failed: result.Outcome == SendOutcome.Dropped);
            }
            if (terminal.Outbox.Count > 0)
                ctx.Pending.Add(terminal);
        }
    }

    // Exponential with jitter, so a fleet that lost the server together does not return in one wave.
    private static TimeSpan Backoff(int failures, Random random)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(failures - 1, 10)), MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.75 + 0.5 * random.NextDouble()));
    }

    // Rate-limited so an unreachable server produces one line every half minute, not one per terminal.
    private void NoteProblem(DateTimeOffset now, string? problem, bool failed)
    {
        if (failed)
            _lastFailureAt = now;
        if (problem is null)
        {
            // Announce recovery only after a quiet spell, not after every success between sporadic failures.
            if (_failureReported && now - _lastFailureAt >= FailureLogInterval)
            {
                _failureReported = false;
                _log?.Invoke("telemetry is being delivered normally again");
            }
            return;
        }
        _problemsSinceLog++;
        if (now - _lastProblemLog < FailureLogInterval)
            return;
        var more = _problemsSinceLog > 1 ? $" (+{_problemsSinceLog - 1} more problems since the last report)" : "";
        _log?.Invoke($"telemetry: {problem}{more}{(failed ? "; backing off and resending" : "")}");
        _failureReported |= failed;
        _lastProblemLog = now;
        _problemsSinceLog = 0;
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delayTask = Task.Delay(delay, _time, stopDelay.Token);
        await Task.WhenAny(delayTask, _wake.Task).ConfigureAwait(false);
        // Cancel the timer when a completion woke us, so waits do not pile up timers.
        await stopDelay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
