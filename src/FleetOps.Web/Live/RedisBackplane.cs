using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace FleetOps.Web.Live;

/// <summary>
/// The Redis half of the fleet hub (<see cref="FleetHubLifetimeManager"/>), owned here rather than by the container so that
/// a node's shutdown cannot fail on Redis: <see cref="RedisHubLifetimeManager{THub}"/> unsubscribes synchronously in its
/// <c>Dispose</c> and throws a <see cref="RedisTimeoutException"/> after 5 s when Redis is slow or gone at that moment,
/// which turned the host's disposal into an exception (seen in CI on a busy machine). The subscriptions end with the
/// connection anyway, so the failure is logged and the shutdown goes on.
/// </summary>
public sealed partial class RedisBackplane(IServiceProvider services, ILogger<RedisBackplane> logger) : IDisposable
{
    public RedisHubLifetimeManager<FleetHub> Manager { get; } = ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<FleetHub>>(services);

    public void Dispose()
    {
        try
        {
            Manager.Dispose();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnsubscribeFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The fleet hub could not unsubscribe from Redis at shutdown; its subscriptions end with the connection")]
    private partial void LogUnsubscribeFailed(Exception exception);
}
