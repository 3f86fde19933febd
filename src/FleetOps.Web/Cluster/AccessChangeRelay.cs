using FleetOps.Web.Security;
using StackExchange.Redis;

namespace FleetOps.Web.Cluster;

/// <summary>
/// Tells the other nodes of a cluster, over a Redis channel, that a user changed here (disabled, role, scope, signed out,
/// password), that a user's languages changed (read by pages and by mail, which the elected node sends; re-read without
/// ending anything), or that an API token was created or revoked. A node that hears it re-reads that user (or the tokens) from the
/// database, which ends the user's pages and closes their hub connections on that node exactly as a change made there
/// would (<see cref="UserDirectory.Subscribe"/>, <see cref="ApiTokenDirectory.Revoked"/>). Pub/sub loses what is sent while
/// a node is cut off, so a node that gets its connection back re-reads every user and token and acts on what differs.
/// Also the node's view of Redis for the health check.
/// </summary>
public sealed partial class AccessChangeRelay(
    UserDirectory users,
    ApiTokenDirectory tokens,
    ConfigurationOptions redis,
    ILogger<AccessChangeRelay> logger) : IHostedService, IAsyncDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("fleetops:access-changed");

    /// <summary>The subject of a message about the API tokens (users are named by their id).</summary>
    private const string TokensSubject = "tokens";
    private const string UserPrefix = "user:";

    /// <summary>A user's languages changed: re-read quietly, since a language ends no session.</summary>
    private const string LanguagesPrefix = "languages:";

    /// <summary>This process among the nodes: its own messages come back to it and are ignored.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _connection;
    private Task _connecting = Task.CompletedTask;

    /// <summary>Whether this node reaches Redis now.</summary>
    public bool IsConnected => _connection?.IsConnected == true;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        users.ChangedHere += PublishUser;
        users.LanguagesChangedHere += PublishLanguages;
        tokens.ChangedHere += PublishTokens;
        // Not awaited: a node starts and serves whether or not Redis answers (the client keeps retrying by itself).
        _connecting = ConnectAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection = await ConnectionMultiplexer.ConnectAsync(redis);
            _connection.ConnectionRestored += (__, e) =>
            {
                if (e.ConnectionType == ConnectionType.Subscription) _ = CatchUpAsync();
            };
            // Registered even while Redis is down: the client subscribes again on every reconnect.
            _connection.GetSubscriber().Subscribe(Channel, (__, message) => _ = OnMessageAsync(message), CommandFlags.FireAndForget);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConnectFailed(ex);
        }
    }

    private void PublishUser(string userId) => Publish(UserPrefix + userId);

    private void PublishLanguages(string userId) => Publish(LanguagesPrefix + userId);

    private void PublishTokens() => Publish(TokensSubject);

    private void Publish(string subject)
    {
        if (_connection is not { } connection) return;
        try
        {
            connection.GetSubscriber().Publish(Channel, $"{_node}\n{subject}", CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            // Never the caller's problem: the change itself is committed and acts on this node.
            // The others re-read every user when their connection comes back; their 30-second session check covers the rest.
            LogPublishFailed(ex, subject);
        }
    }

    private async Task OnMessageAsync(RedisValue message)
    {
        var text = (string?)message;
        var separator = text?.IndexOf('\n') ?? -1;
        if (text is null || separator < 0 || text[..separator] == _node) return;
        var subject = text[(separator + 1)..];
        try
        {
            if (subject == TokensSubject) await tokens.ReloadFromPeerAsync(_stopping.Token);
            else if (subject.StartsWith(UserPrefix, StringComparison.Ordinal)) await users.RefreshFromPeerAsync(subject[UserPrefix.Length..], _stopping.Token);
            else if (subject.StartsWith(LanguagesPrefix, StringComparison.Ordinal)) await users.RefreshLanguagesFromPeerAsync(subject[LanguagesPrefix.Length..], _stopping.Token);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            LogRefreshFailed(ex, subject);
        }
    }

    private async Task CatchUpAsync()
    {
        try
        {
            await users.ReloadChangedAsync(_stopping.Token);
            await tokens.ReloadFromPeerAsync(_stopping.Token);
            LogCaughtUp();
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            LogRefreshFailed(ex, "all users and tokens");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        users.ChangedHere -= PublishUser;
        users.LanguagesChangedHere -= PublishLanguages;
        tokens.ChangedHere -= PublishTokens;
        await _stopping.CancelAsync();
        try
        {
            await _connecting;
        }
        catch (OperationCanceledException)
        {
            // Stopped while Redis was still being reached (it does not answer): there is nothing to finish, and a stop
            // must not fail for it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set up the Redis connection for user changes; this node runs alone")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that {Subject} changed")]
    private partial void LogPublishFailed(Exception exception, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read {Subject} after another node changed it")]
    private partial void LogRefreshFailed(Exception exception, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: re-read every user and token to catch up on changes made meanwhile")]
    private partial void LogCaughtUp();
}
