using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// Whether a session's security stamp is still its user's current one. Signing out, changing the password and an
/// administrator's reset give the user a new stamp, so every copy of every earlier cookie stops working.
/// </summary>
/// <remarks>
/// Read from the database, not from <see cref="UserDirectory"/>: another node of the deployment may have changed the
/// stamp. The cost is one primary-key lookup per cookie request (the cookie handler authenticates once per request)
/// and one per open page every 30 seconds.
/// </remarks>
public sealed class SecurityStamps(FleetDbContextFactory databases)
{
    public async Task<bool> IsCurrentAsync(string? userId, string? stamp, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;
        await using var db = databases.CreateDbContext();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
