using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// Forwards fleet changes to the hub: the first change after a quiet spell at once, then at most one message per
/// <see cref="Interval"/>, each terminal once with its newest state — so a burst of telemetry does not flood clients.
/// </summary>
public sealed partial class FleetHubBroadcaster(
    FleetState fleet,
    IHubContext<FleetHub> hub,
    ILogger<FleetHubBroadcaster> logger) : IHostedService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private const int MaxPerMessage = 500;
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;

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
        var dtos = terminals.Select(t => TerminalDto.From(t, fleet.TargetFor(t.Model))).ToList();
        try
        {
            // Administrators get everything; everyone else only the groups of the stores in their scope.
            foreach (var chunk in dtos.Chunk(MaxPerMessage))
            {
                await hub.Clients.Group(FleetHub.AllGroup).SendAsync(FleetHub.TerminalsChanged, chunk, _stopping.Token);
            }
            foreach (var store in dtos.GroupBy(d => d.StoreCode, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var chunk in store.Chunk(MaxPerMessage))
                {
                    await hub.Clients.Group(FleetHub.StoreGroup(store.Key)).SendAsync(FleetHub.TerminalsChanged, chunk, _stopping.Token);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing fleet changes to hub clients failed")]
    private partial void LogSendFailed(Exception exception);
}
