using System.Text.Json;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Live;

/// <summary>/hubs/fleet pushes terminal changes to API clients (long polling over the test server).</summary>
public sealed class FleetHubTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connecting_without_a_token_fails()
    {
        await using var connection = Connect(token: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_a_wrong_token_fails()
    {
        await using var connection = Connect(token: "not-the-admin-token");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Client_receives_terminals_changed_with_the_terminal_after_its_heartbeat()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = Connect(FleetOpsApp.AdminToken);
        connection.On<JsonElement>("terminalsChanged", terminals =>
        {
            foreach (var item in terminals.EnumerateArray())
            {
                if (item.GetProperty("terminalId").GetString() == terminal
                    && item.GetProperty("connectivity").GetString() == "online")
                {
                    received.TrySetResult(item);
                }
            }
        });
        await connection.StartAsync();

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-1), appVersion: "3.2.1"));

        var pushed = await received.Task.WaitAsync(Timeout);
        Assert.Equal("3.2.1", pushed.GetProperty("appVersion").GetString());
        Assert.Equal("stable", pushed.GetProperty("power").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_heartbeat_that_only_moves_the_time_is_not_pushed_again_but_a_new_version_is()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var (marker, markerKey) = await app.NewTerminalAsync();
        await using var feed = await HubFeed.StartAsync(app, FleetOpsApp.AdminToken);
        var now = DateTimeOffset.UtcNow;
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", now.AddSeconds(-3), appVersion: "3.2.1"));
        await feed.WaitForAsync(terminal, "3.2.1");
        var pushedBefore = PushesOf(feed, terminal);

        // Deliveries come in order: once the marker terminal's change has arrived, the second heartbeat's has been handled.
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", now.AddSeconds(-2), appVersion: "3.2.1"));
        await app.PostAcceptedAsync(markerKey, marker, Heartbeat("m-1", now.AddSeconds(-2)));
        await feed.WaitForAsync(marker);
        Assert.Equal(pushedBefore, PushesOf(feed, terminal));

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-3", now.AddSeconds(-1), appVersion: "3.3.0"));
        await feed.WaitForAsync(terminal, "3.3.0");
    }

    private static int PushesOf(HubFeed feed, string terminal) =>
        feed.Received.Count(t => t.GetProperty("terminalId").GetString() == terminal);

    private HubConnection Connect(string? token) => HubFeed.Connect(app, token);
}
