using Microsoft.AspNetCore.Identity;

namespace FleetOps.Web.Security;

/// <summary>
/// Runs one change to users through <see cref="UserAdministration"/> on a scope of its own, so Identity works on fresh
/// rows: a circuit's own scope would keep one DbContext (and stale tracked users) for hours. Pages inject this rather
/// than a service provider.
/// </summary>
public sealed class UserChanges(IServiceScopeFactory scopes)
{
    public async Task<IdentityResult> RunAsync(Func<UserAdministration, Task<IdentityResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
