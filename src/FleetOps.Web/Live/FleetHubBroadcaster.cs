using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// Forwards fleet changes to the hub: the first change after a quiet spell at once, then at most one message per
/// <see cref="Interval"/>, each terminal once with its newest state — so a burst of telemetry does not flood clients.
/// A terminal is pushed when something a client shows changed (state, versions, power, battery, software); a heartbeat
/// that only moves <c>lastSeenAt</c> is pushed at most once per <see cref="SeenRefresh"/>. Most telemetry is such
/// heartbeats: pushing each one cost 200 connected dashboards half of the server's ingest rate (docs/benchmarks.md).
/// </summary>
public sealed partial class FleetHubBroadcaster(
    FleetState fleet,
    IHubContext<FleetHub> hub,
    HubGroups groups,
    ILogger<FleetHubBroadcaster> logger) : IHostedService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>How stale a client's <c>lastSeenAt</c> may get while nothing else changes: far below the offline threshold.</summary>
    public static readonly TimeSpan SeenRefresh = TimeSpan.FromSeconds(30);
    private const int MaxPerMessage = 500;
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;

    // What each terminal looked like when last pushed: a fingerprint of everything but lastSeenAt, and that time.
    // Only the subscription's callback touches it, and the change feed calls it one at a time. ~32 bytes a terminal.
    private readonly Dictionary<string, Pushed> _pushed = new(StringComparer.Ordinal);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = fleet.Subscribe(null, SendAsync, Interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stopping.CancelAsync();
    }

    private async Task SendAsync(ChangeBatch<TerminalSnapshot> changed)
    {
        var terminals = changed.EverythingChanged ? fleet.All
            : changed.Select(t => t.TerminalId).Distinct(StringComparer.Ordinal).Select(fleet.Get).OfType<TerminalSnapshot>();
        var dtos = terminals.Select(t => TerminalDto.From(t, fleet.TargetFor(t.Model)))
            .Where(d => changed.EverythingChanged || Differs(d)).ToList();
        if (dtos.Count == 0) return;
        try
        {
            // Administrators get everything; everyone else only the groups of the stores in their scope.
            foreach (var chunk in dtos.Chunk(MaxPerMessage))
            {
                await hub.Clients.Group(groups.All).SendAsync(FleetHub.TerminalsChanged, chunk, _stopping.Token);
            }
            foreach (var store in dtos.GroupBy(d => d.StoreCode, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var chunk in store.Chunk(MaxPerMessage))
                {
                    await hub.Clients.Group(groups.Store(store.Key)).SendAsync(FleetHub.TerminalsChanged, chunk, _stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex);
        }
    }

    /// <summary>Whether clients should hear of this terminal now; if so, remembers it as pushed.</summary>
    private bool Differs(TerminalDto terminal)
    {
        var fingerprint = (terminal with { LastSeenAt = null }).GetHashCode();
        var seen = terminal.LastSeenAt ?? DateTimeOffset.MinValue;
        if (_pushed.TryGetValue(terminal.TerminalId, out var last) && last.Fingerprint == fingerprint
            && seen - last.SeenAt < SeenRefresh)
        {
            return false;
        }
        _pushed[terminal.TerminalId] = new Pushed(fingerprint, seen);
        return true;
    }

    private readonly record struct Pushed(int Fingerprint, DateTimeOffset SeenAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing fleet changes to hub clients failed")]
    private partial void LogSendFailed(Exception exception);
}
