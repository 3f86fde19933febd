using System.Collections.Concurrent;
using System.Globalization;
using FleetOps.Core.Live;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace FleetOps.Web.Live;

/// <summary>
/// Open hub connections by user and by API token, so that a change of who may see what closes them at once: disabling a
/// user or changing their role or scope (<see cref="UserDirectory.Subscribe"/>), revoking a token
/// (<see cref="ApiTokenDirectory.Revoked"/>), or anything else that ends a user's sessions (<see cref="CloseConnectionsOf"/>).
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
    private readonly IDisposable _userChanges;

    public HubConnections(UserDirectory users, ApiTokenDirectory tokens)
    {
        _users = users;
        _tokens = tokens;
        // No interval: a revocation is not a refresh to spread out, it must act at once.
        _userChanges = users.Subscribe(null, CloseOnUserChange, minInterval: TimeSpan.Zero);
        _tokens.Revoked += CloseOnRevoke;
    }

    /// <summary>Tracks a new connection of <paramref name="userId"/> (null for the bootstrap token).</summary>
    public void Add(string? userId, HubCallerContext context)
    {
        var tokenId = int.TryParse(context.User?.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value,
            NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        _open[context.ConnectionId] = new OpenConnection(userId, tokenId, context);
        // A revoke or disable between authentication and this line found nothing to close: look again now it is tracked.
        if ((tokenId is { } token && !_tokens.IsLive(token)) || (userId is not null && _users.Get(userId) is not { Disabled: false }))
        {
            context.Abort();
        }
    }

    public void Remove(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

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

    public void Dispose()
    {
        _userChanges.Dispose();
        _tokens.Revoked -= CloseOnRevoke;
    }

    private sealed record OpenConnection(string? UserId, int? TokenId, HubCallerContext Context);
}
