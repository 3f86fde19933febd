using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>A terminal's last software activity — a failure with its error — is still there after a restart.</summary>
public sealed class SoftwareEventRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task Restart_keeps_the_last_failed_update_with_its_error()
    {
        var now = DateTimeOffset.UtcNow;
        string terminal;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            (terminal, var key) = await first.NewTerminalAsync();
            await first.PostAcceptedAsync(key, terminal,
                Heartbeat("hb-1", now.AddSeconds(-30), appVersion: "3.2.1"),
                Software("sw-1", now.AddSeconds(-20), "installing", "3.3.0"),
                Software("sw-2", now.AddSeconds(-10), "failed", "3.3.0", error: "not enough space"));
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        await _second.GetTerminalAsync(terminal); // the app has started and loaded the fleet

        var software = _second.GetService<FleetState>().Get(terminal)!.Software;
        Assert.NotNull(software);
        Assert.Equal(SoftwareState.Failed, software.State);
        Assert.Equal("3.3.0", software.Version);
        Assert.Equal("not enough space", software.Error);
        Assert.Equal("3.2.1", _second.GetService<FleetState>().Get(terminal)!.AppVersion);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
