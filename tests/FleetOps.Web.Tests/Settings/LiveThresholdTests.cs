using System.Net.Http.Json;
using FleetOps.Core.Alerts;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Alerts;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Settings;

/// <summary>
/// A saved threshold is in force at once, without a restart: terminals are judged again, the change is published on the
/// fleet's feed (which pages and the hub follow), and the alert centre acts on it at its next evaluation.
/// Each test puts the thresholds back, since they are the whole app's.
/// </summary>
public sealed class LiveThresholdTests(AlertClockApp app) : IClassFixture<AlertClockApp>
{
    private const string Path = "/api/v1/settings/detection";

    [Fact]
    public async Task Lowering_the_loss_count_turns_a_terminal_with_two_losses_unstable_publishes_it_and_opens_an_alert()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await app.NewTerminalAsync(store);
        var now = app.Now();
        await app.PostAcceptedAsync(key, terminal,
            Events.Heartbeat(Ids.New("hb"), now.AddMinutes(-31)),
            Events.Power(Ids.New("p"), now.AddMinutes(-30), "lost"), Events.Power(Ids.New("p"), now.AddMinutes(-29), "restored"),
            Events.Power(Ids.New("p"), now.AddMinutes(-10), "lost"), Events.Power(Ids.New("p"), now.AddMinutes(-9), "restored"),
            Events.Heartbeat(Ids.New("hb"), now));
        Assert.Equal("stable", Expect.Wire((await app.GetTerminalAsync(terminal))["power"]!["status"]));
        var published = new TaskCompletionSource<TerminalSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = app.GetService<FleetState>().Subscribe(t => t.TerminalId == terminal, batch =>
        {
            if (batch.FirstOrDefault(t => t.Assessment.Power == PowerStatus.Unstable) is { } unstable) published.TrySetResult(unstable);
            return Task.CompletedTask;
        }, TimeSpan.Zero);

        try
        {
            using var admin = app.CreateAdminClient();
            await Expect.StatusAsync(await admin.PutAsJsonAsync(Path, new { unstablePowerLosses = 2 }), System.Net.HttpStatusCode.OK);

            Assert.Equal(2, (await published.Task.WaitAsync(Eventually.DefaultTimeout)).Assessment.LossesInWindow);
            var power = (await app.GetTerminalAsync(terminal))["power"]!;
            Assert.Equal(("unstable", "device"), (Expect.Wire(power["status"]), Expect.Wire(power["likelyCause"])));
            await app.GetService<AlertService>().EvaluateAsync();
            var alert = Assert.Single(app.GetService<AlertBook>().Active, a => a.TerminalId == terminal && a.Kind == AlertKind.UnstablePower);
            Assert.Equal(AlertState.Open, alert.State);
        }
        finally
        {
            await ResetAsync("unstablePowerLosses");
        }
    }

    [Fact]
    public async Task A_shorter_offline_limit_brings_the_offline_deadline_forward()
    {
        var (terminal, key) = await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));
        await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), app.Now()));
        app.Clock!.Advance(TimeSpan.FromSeconds(50));
        try
        {
            using var admin = app.CreateAdminClient();
            await Expect.StatusAsync(await admin.PutAsJsonAsync(Path, new { offlineAfterSeconds = 60 }), System.Net.HttpStatusCode.OK);
            Assert.Equal("online", Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]));

            // Past the new limit (60 s), well before the configured one (180 s): the sweep finds it due.
            app.Clock.Advance(TimeSpan.FromSeconds(15));
            app.GetService<FleetState>().Sweep(includePower: false);

            Assert.Equal("offline", Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]));
        }
        finally
        {
            await ResetAsync("offlineAfterSeconds");
        }
    }

    private async Task ResetAsync(string name)
    {
        using var admin = app.CreateAdminClient();
        using var body = new StringContent($$"""{ "{{name}}": null }""", System.Text.Encoding.UTF8, "application/json");
        await Expect.StatusAsync(await admin.PutAsync(Path, body), System.Net.HttpStatusCode.OK);
    }
}
