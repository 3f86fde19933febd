using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace FleetOps.Web.Security;

/// <summary>
/// The signed-in user of a Blazor circuit. Re-checks the user every 30 seconds as a safety net, and at once
/// when an administrator disables them: the circuit then loses its user and the page goes to sign-in.
/// </summary>
public sealed class FleetAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly UserDirectory _users;
    private string? _userId;

    public FleetAuthenticationStateProvider(ILoggerFactory loggerFactory, UserDirectory users) : base(loggerFactory)
    {
        _users = users;
        _users.Changed += OnUserChanged;
        AuthenticationStateChanged += async task => _userId = (await task).User.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(IsAllowed(state.User.FindFirstValue(ClaimTypes.NameIdentifier)));

    public override async Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        var state = await base.GetAuthenticationStateAsync();
        _userId ??= state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return IsAllowed(_userId) ? state : Anonymous;
    }

    private bool IsAllowed(string? userId) => _users.Get(userId) is { Disabled: false };

    private void OnUserChanged(string userId)
    {
        if (userId == _userId && !IsAllowed(userId)) SetAuthenticationState(Task.FromResult(Anonymous));
    }

    protected override void Dispose(bool disposing)
    {
        _users.Changed -= OnUserChanged;
        base.Dispose(disposing);
    }
}

/// <summary>What the current circuit's user may see; components ask this instead of reading claims.</summary>
public sealed class CurrentAccess(AuthenticationStateProvider authentication, AccessResolver resolver)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<FleetOps.Core.Access.AccessScope> ScopeAsync() => resolver.Scope(await PrincipalAsync());

    public async Task<bool> IsAdministratorAsync() => resolver.IsAdministrator(await PrincipalAsync());

    public async Task<UserAccess?> UserAsync() => resolver.User(await PrincipalAsync());
}
