using System.Security.Claims;
using FleetOps.Core.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Security;

/// <summary>
/// The signed-in user of a Blazor circuit. Re-checks the user every 30 seconds as a safety net (disabled? security stamp
/// still current, i.e. not signed out or password changed, possibly on another node?), and at once when the user
/// changes (disabled, signed out) — on this node, or on another one that told this one (<c>Cluster/AccessChangeRelay</c>):
/// the circuit then loses its user and the page goes to sign-in.
/// </summary>
public sealed class FleetAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly UserDirectory _users;
    private readonly SecurityStamps _stamps;
    private readonly string _stampClaim;
    private readonly ILogger _logger;
    private readonly IDisposable _userChanges;
    private string? _userId;

    public FleetAuthenticationStateProvider(ILoggerFactory loggerFactory, UserDirectory users, SecurityStamps stamps, IOptions<IdentityOptions> identity)
        : base(loggerFactory)
    {
        _users = users;
        _stamps = stamps;
        _stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;
        _logger = loggerFactory.CreateLogger<FleetAuthenticationStateProvider>();
        // No interval: signing a user out is not a refresh to spread out, it must act at once.
        _userChanges = users.Subscribe(id => id == _userId, OnUserChanged, minInterval: TimeSpan.Zero);
        AuthenticationStateChanged += async task => _userId = (await task).User.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return IsAllowed(userId) && await _stamps.IsCurrentAsync(userId, state.User.FindFirstValue(_stampClaim), cancellationToken);
    }

    public override async Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        var state = await base.GetAuthenticationStateAsync();
        _userId ??= state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return IsAllowed(_userId) ? state : Anonymous;
    }

    private bool IsAllowed(string? userId) => _users.Get(userId) is { Disabled: false };

    private async Task OnUserChanged(ChangeBatch<string> changed)
    {
        if (_userId is null) return;
        if (!IsAllowed(_userId)) SetAuthenticationState(Task.FromResult(Anonymous));
        else await EndIfStaleAsync();
    }

    /// <summary>After a sign-out or password change elsewhere: does this circuit's cookie still hold?</summary>
    private async Task EndIfStaleAsync()
    {
        try
        {
            if (!await ValidateAuthenticationStateAsync(await base.GetAuthenticationStateAsync(), CancellationToken.None))
            {
                SetAuthenticationState(Task.FromResult(Anonymous));
            }
        }
        catch (Exception ex)
        {
            // The 30-second check tries again; until then the circuit keeps its user.
            _logger.LogWarning(ex, "Could not re-check the session of user {UserId}", _userId);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _userChanges.Dispose();
        base.Dispose(disposing);
    }
}
