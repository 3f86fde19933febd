using System.Collections.Concurrent;
using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// Open hub connections by user and by API token, so that a change of who may see what closes them at once: disabling a
/// user or changing their role or scope (<see cref="UserDirectory.Subscribe"/>), revoking a token
/// (<see cref="ApiTokenDirectory.Revoked"/>) or its expiry, anything else that ends a user's sessions (<see cref="CloseConnectionsOf"/>), or a
/// store joining or leaving a region (<see cref="StoreDirectory.Subscribe"/>): a connection's store groups were chosen from
/// the scope when it connected, and a scope of regions covers other stores once a store moves.
/// A client that reconnects is authenticated again, so it is refused or gets its new scope.
/// <para>
/// In-process only: each node closes the connections it holds — aborting a connection is always local to the node that
/// holds it. With several nodes the fact travels instead (<see cref="Cluster.AccessChangeRelay"/>): the other nodes re-read
/// the user or the tokens, and their own directories' events reach this class there.
/// </para>
/// </summary>
public sealed class HubConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, OpenConnection> _open = new(StringComparer.Ordinal);
    private readonly UserDirectory _users;
    private readonly ApiTokenDirectory _tokens;
    private readonly StoreDirectory _stores;
    private readonly TimeProvider _time;
    private readonly IDisposable _userChanges;
    private readonly IDisposable _storeChanges;

    public HubConnections(UserDirectory users, ApiTokenDirectory tokens, StoreDirectory stores, TimeProvider time)
    {
        _users = users;
        _tokens = tokens;
        _stores = stores;
        _time = time;
        // No interval: a revocation is not a refresh to spread out, it must act at once.
        _userChanges = users.Subscribe(null, CloseOnUserChange, minInterval: TimeSpan.Zero);
        _storeChanges = stores.Subscribe(null, CloseOnStoreChange, minInterval: TimeSpan.Zero);
        _tokens.Revoked += CloseOnRevoke;
    }

    /// <summary>
    /// Tracks a new connection of <paramref name="userId"/> (null for the bootstrap token) that joined the groups of
    /// <paramref name="storeGroups"/> (null: the group of every store).
    /// </summary>
    public void Add(string? userId, HubCallerContext context, IReadOnlySet<string>? storeGroups)
    {
        var tokenId = int.TryParse(context.User?.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value,
            NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        // A connection outlives the request that authenticated it: one made with a token that expires is closed then, and
        // its client's reconnect is refused with the reason.
        var closer = tokenId is { } expiring && _tokens.ExpiryOf(expiring) is not null
            ? new ExpiryCloser(_tokens, _time, expiring, context)
            : null;
        var connection = new OpenConnection(userId, tokenId, storeGroups, context, closer);
        _open[context.ConnectionId] = connection;
        // A revoke, disable or store move between authentication and this line found nothing to close: look again now it is tracked.
        if ((tokenId is { } token && !_tokens.IsLive(token)) || (userId is not null && _users.Get(userId) is not { Disabled: false })
            || !JoinedItsStores(connection))
        {
            context.Abort();
        }
    }

    public void Remove(HubCallerContext context)
    {
        if (_open.TryRemove(context.ConnectionId, out var connection)) connection.ExpiryCloser?.Dispose();
    }

    /// <summary>Closes every hub connection of a user (cookie or token); returns how many.</summary>
    public int CloseConnectionsOf(string userId) => Close(c => c.UserId == userId);

    /// <summary>Closes every hub connection made with one API token; returns how many.</summary>
    public int CloseTokenConnections(int tokenId) => Close(c => c.TokenId == tokenId);

    private int Close(Func<OpenConnection, bool> which)
    {
        var closing = _open.Values.Where(which).ToList();
        foreach (var connection in closing) connection.Context.Abort();
        return closing.Count;
    }

    private Task CloseOnUserChange(ChangeBatch<string> changed)
    {
        // Too many changes to list: every user's connections reconnect and are authenticated again.
        if (changed.EverythingChanged) Close(c => c.UserId is not null);
        foreach (var userId in changed.Distinct()) CloseConnectionsOf(userId);
        return Task.CompletedTask;
    }

    private void CloseOnRevoke(ApiTokenInfo token) => CloseTokenConnections(token.Id);

    /// <summary>
    /// Closes the connections whose groups are no longer their user's stores (a store moved out of or into one of their
    /// regions); the client reconnects and joins the groups of its scope as it is now. Every other connection stays.
    /// </summary>
    private Task CloseOnStoreChange(ChangeBatch<StoreInfo> _)
    {
        Close(c => !JoinedItsStores(c));
        return Task.CompletedTask;
    }

    /// <summary>Whether the connection is in the groups of exactly the stores its user's scope covers now.</summary>
    private bool JoinedItsStores(OpenConnection connection) => connection.StoreGroups is not { } joined
        || joined.SetEquals(_users.Get(connection.UserId)?.Scope.StoreCodes(_stores) ?? new HashSet<string>());

    public void Dispose()
    {
        _userChanges.Dispose();
        _storeChanges.Dispose();
        _tokens.Revoked -= CloseOnRevoke;
        foreach (var connection in _open.Values) connection.ExpiryCloser?.Dispose();
    }

    private sealed record OpenConnection(
        string? UserId, int? TokenId, IReadOnlySet<string>? StoreGroups, HubCallerContext Context, ExpiryCloser? ExpiryCloser);

    /// <summary>
    /// Closes one connection when its token expires. A system timer cannot wait longer than ~49.7 days (a 90-day token's
    /// wait threw, and the hub refused the connection), so it waits a day at most and looks again; and it is made without
    /// the connecting request's execution context, which it would otherwise hold for months.
    /// </summary>
    private sealed class ExpiryCloser : IDisposable
    {
        private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);
        private readonly ApiTokenDirectory _tokens;
        private readonly TimeProvider _time;
        private readonly int _tokenId;
        private readonly HubCallerContext _context;
        private readonly ITimer _timer;

        public ExpiryCloser(ApiTokenDirectory tokens, TimeProvider time, int tokenId, HubCallerContext context)
        {
            (_tokens, _time, _tokenId, _context) = (tokens, time, tokenId, context);
            using (ExecutionContext.SuppressFlow())
            {
                _timer = time.CreateTimer(static state => ((ExpiryCloser)state!).Arm(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            Arm();
        }

        /// <summary>Closes the connection once its token is no longer live (expired, revoked); else waits again.</summary>
        private void Arm()
        {
            var now = _time.GetUtcNow();
            if (_tokens.ById(_tokenId) is not { ExpiresAt: { } expiresAt } token || token.HasExpired(now))
            {
                _context.Abort();
                return;
            }
            var wait = expiresAt - now;
            _timer.Change(wait < LongestWait ? wait : LongestWait, Timeout.InfiniteTimeSpan); // positive: not expired at now
        }

        public void Dispose() => _timer.Dispose();
    }
}
