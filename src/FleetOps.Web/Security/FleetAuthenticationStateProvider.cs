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
/// the circuit then loses its user and the page goes to sign-in. A change of the user's role or stores raises
/// <see cref="AccessChanged"/>: pages keep what the user may do from when they opened (an editor's actor), so the circuit
/// is started again with the new access (<c>Layout/ReloadOnAccessChange</c>) rather than left acting on the old one.
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
    private string? _access;

    /// <summary>The signed-in user's role or scope changed since this circuit began; raised once, off the writer's thread.</summary>
    public event Action? AccessChanged;

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
        if (!IsAllowed(_userId)) return Anonymous;
        _access ??= AccessOf(_users.Get(_userId));
        return state;
    }

    private bool IsAllowed(string? userId) => _users.Get(userId) is { Disabled: false };

    private async Task OnUserChanged(ChangeBatch<string> changed)
    {
        if (_userId is null) return;
        if (!IsAllowed(_userId))
        {
            SetAuthenticationState(Task.FromResult(Anonymous));
            return;
        }
        if (_access is not null && AccessOf(_users.Get(_userId)) != _access)
        {
            _access = AccessOf(_users.Get(_userId));
            AccessChanged?.Invoke();
        }
        await EndIfStaleAsync();
    }

    /// <summary>What decides what the user may see and do (not their name or language, which change nothing a page holds).</summary>
    private static string? AccessOf(UserAccess? user) =>
        user is null ? null : $"{user.Role}|{string.Join(',', user.Regions.Order(StringComparer.Ordinal))}|{string.Join(',', user.Stores.Order(StringComparer.Ordinal))}";

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
