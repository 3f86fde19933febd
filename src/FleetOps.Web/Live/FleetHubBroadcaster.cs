using System.Collections.Concurrent;
using FleetOps.Core.Fleet;
using FleetOps.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// Forwards fleet changes to the hub, coalesced: a terminal that changed ten times in 250 ms is sent once,
/// with its newest state, so a burst of telemetry does not flood clients.
/// </summary>
public sealed partial class FleetHubBroadcaster(
    FleetState fleet,
    IHubContext<FleetHub> hub,
    TimeProvider time,
    ILogger<FleetHubBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private const int MaxPerMessage = 500;
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        fleet.Changed += OnChanged;
        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            fleet.Changed -= OnChanged;
        }
    }

    private void OnChanged(IReadOnlyList<TerminalSnapshot> changed)
    {
        foreach (var terminal in changed) _dirty[terminal.TerminalId] = 0;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty.IsEmpty) return;
        var ids = _dirty.Keys.ToList();
        foreach (var id in ids) _dirty.TryRemove(id, out _);
        var dtos = ids.Select(fleet.Get).OfType<TerminalSnapshot>()
            .Select(t => TerminalDto.From(t, fleet.TargetFor(t.Model))).ToList();
        try
        {
            // Administrators get everything; everyone else only the groups of the stores in their scope.
            foreach (var chunk in dtos.Chunk(MaxPerMessage))
            {
                await hub.Clients.Group(FleetHub.AllGroup).SendAsync(FleetHub.TerminalsChanged, chunk, cancellationToken);
            }
            foreach (var store in dtos.GroupBy(d => d.StoreCode, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var chunk in store.Chunk(MaxPerMessage))
                {
                    await hub.Clients.Group(FleetHub.StoreGroup(store.Key)).SendAsync(FleetHub.TerminalsChanged, chunk, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing fleet changes to hub clients failed")]
    private partial void LogSendFailed(Exception exception);
}
