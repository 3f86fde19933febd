using System.Net;
using FleetOps.Web.Fleet;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Access;

/// <summary>Rotating a terminal's key retires the old key at once; a decommissioned terminal is refused.</summary>
public sealed class TerminalKeyTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task After_rotation_the_old_key_is_401_and_the_new_key_is_accepted()
    {
        var (terminal, oldKey) = await app.NewTerminalAsync();
        await app.PostAcceptedAsync(oldKey, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-3)));

        var newKey = await app.GetService<FleetRegistry>().RotateKeyAsync(terminal);

        Assert.NotNull(newKey);
        Assert.NotEqual(oldKey, newKey);
        using var refused = await app.PostTelemetryAsync(oldKey, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow.AddSeconds(-2)));
        await Expect.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        var accepted = await app.PostAcceptedAsync(newKey, terminal, Heartbeat("hb-3", DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Equal(1, accepted["accepted"]!.GetValue<int>());
        Assert.Equal(2, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Rotated_key_is_stored_only_as_a_hash()
    {
        var (terminal, _) = await app.NewTerminalAsync();

        var newKey = await app.GetService<FleetRegistry>().RotateKeyAsync(terminal);

        Assert.Empty(await app.FindTextAsync(newKey!));
    }

    [Fact]
    public async Task Rotating_an_unknown_terminal_gives_no_key()
    {
        Assert.Null(await app.GetService<FleetRegistry>().RotateKeyAsync(Ids.New("T")));
    }

    [Fact]
    public async Task Decommissioned_terminal_is_403_even_with_a_freshly_rotated_key()
    {
        var (terminal, _) = await app.NewTerminalAsync();
        var registry = app.GetService<FleetRegistry>();
        var key = await registry.RotateKeyAsync(terminal);

        Assert.True(await registry.DecommissionAsync(terminal));

        using var response = await app.PostTelemetryAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));
        await Expect.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }
}
