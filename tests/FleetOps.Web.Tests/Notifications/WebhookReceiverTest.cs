using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// A test with its own <see cref="WebhookReceiver"/> on the shared fake-clock app; the subscriptions it makes are removed
/// afterwards, so later tests' alerts are not sent to a receiver that is gone.
/// </summary>
public abstract class WebhookReceiverTest(AlertClockApp app) : IAsyncLifetime
{
    private readonly List<long> _subscriptions = [];

    protected AlertClockApp App { get; } = app;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync() => Receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var id in _subscriptions) await App.UnsubscribeAsync(id);
        await Receiver.DisposeAsync();
    }

    /// <summary>Subscribes a path of its own on the receiver (plus <paramref name="query"/>); returns the id and the path.</summary>
    protected async Task<(long Id, string Path)> SubscribeAsync(string secret, string? preset = null, string query = "", string[]? kinds = null)
    {
        var path = "/" + Ids.New("hook");
        var id = await App.SubscribeAsync(Receiver.BaseUrl + path + query, secret, preset, kinds);
        _subscriptions.Add(id);
        return (id, path);
    }
}
