using FleetOps.Core.Settings;
using StackExchange.Redis;

namespace FleetOps.Web.Cluster;

/// <summary>
/// <c>FleetOps:Cluster</c> plus <c>ConnectionStrings:Redis</c>: whether this node has company. Read before the host is
/// built, because the wiring depends on it; a Redis string the client cannot parse used to stop the start with the
/// client's own message ("Keyword 'foo' is not supported"), which names no setting.
/// </summary>
public sealed class ClusterOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Cluster";
    public const string RedisKey = "ConnectionStrings:" + RedisSettings.ConnectionName;

    /// <summary>Follow other nodes through PostgreSQL even without Redis (<see cref="ChangeFanOut"/>).</summary>
    public bool Enabled { get; set; }

    /// <summary>From <c>ConnectionStrings:Redis</c>; null when unset (the node runs alone).</summary>
    public string? RedisConnectionString { get; set; }

    /// <remarks>
    /// The client skips a server it cannot parse ("127.0.0.1:notaport") instead of refusing it, so a string left with no
    /// server is refused here. Messages never quote the string: it may hold a password.
    /// </remarks>
    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section);
        if (RedisConnectionString is null) return problems.ToList();
        try
        {
            var parsed = ConfigurationOptions.Parse(RedisConnectionString);
            problems.Require(parsed.EndPoints.Count > 0, $"{RedisKey} names no server as host:port (e.g. 127.0.0.1:6379).");
        }
        catch (ArgumentException ex)
        {
            problems.Require(false, $"{RedisKey} is not a valid Redis configuration: {ex.Message}");
        }
        return problems.ToList();
    }
}
