using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A SignalR client of /hubs/fleet (long polling over the test server) that keeps every terminal it was sent in
/// <c>terminalsChanged</c>, and tells when the server closed it.
/// </summary>
public sealed class HubFeed : IAsyncDisposable
{
    private readonly List<JsonElement> _received = [];
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HubFeed(FleetOpsApp app, string? token, string? cookie = null)
    {
        Connection = Connect(app, token, cookie);
        Connection.On<JsonElement>("terminalsChanged", terminals =>
        {
            lock (_received) _received.AddRange(terminals.EnumerateArray().Select(t => t.Clone()));
        });
        Connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes when the connection is closed (by the server or by the client).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Every terminal received so far, in order of arrival.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get { lock (_received) return _received.ToList(); }
    }

    public IReadOnlySet<string> ReceivedIds => Received.Select(t => t.GetProperty("terminalId").GetString()!).ToHashSet();

    /// <summary>A connection with an API token, or a browser's sign-in cookie (see <see cref="Browser.SignedInCookieAsync"/>).</summary>
    public static HubConnection Connect(FleetOpsApp app, string? token, string? cookie = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, "hubs/fleet"), options =>
        {
            options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult(token);
            if (cookie is not null) options.Headers["Cookie"] = cookie;
        })
        .Build();

    public static async Task<HubFeed> StartAsync(FleetOpsApp app, string? token, string? cookie = null)
    {
        var feed = new HubFeed(app, token, cookie);
        await feed.Connection.StartAsync();
        return feed;
    }

    /// <summary>Waits until a terminal with this id (and, if given, this app version) has been received.</summary>
    public Task WaitForAsync(string terminalId, string? appVersion = null) => Eventually.MatchesAsync(
        () => Task.FromResult(Received.Any(t => t.GetProperty("terminalId").GetString() == terminalId
            && (appVersion is null || t.GetProperty("appVersion").GetString() == appVersion))),
        found => found, $"terminalsChanged with {terminalId} {appVersion}");

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
