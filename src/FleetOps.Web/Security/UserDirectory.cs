using System.Collections.Concurrent;
using FleetOps.Core.Live;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// Users, roles and scopes in memory, loaded at start-up and refreshed by every change made through
/// <see cref="UserAdministration"/>. Requests, circuits, tokens and hub connections consult it each time,
/// so disabling a user or changing their scope takes effect on the very next request — no sign-in cookie
/// or token carries a stale role.
/// </summary>
public sealed class UserDirectory(FleetDbContextFactory databases, TimeProvider time, ILogger<UserDirectory> logger) : IChangeSource<string>
{
    private readonly ConcurrentDictionary<string, UserAccess> _users = new(StringComparer.Ordinal);
    private readonly ChangeFeed<string> _changes = new("users", time, logger);

    /// <summary>The ids of users who changed (disabled, role, scope, signed out, password).</summary>
    public IDisposable Subscribe(Func<string, bool>? relevant, Func<ChangeBatch<string>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    public UserAccess? Get(string? userId) => userId is null ? null : _users.GetValueOrDefault(userId);

    public IReadOnlyCollection<UserAccess> All => _users.Values.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// The display name of the person with this e-mail (work is assigned by e-mail), else the e-mail itself. Pages call it
    /// per row, so it looks without sorting every user as <see cref="All"/> does.
    /// </summary>
    public string DisplayNameOf(string? email) => email is null ? ""
        : _users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? email;

    public bool IsEmpty => _users.IsEmpty;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var scopes = await db.UserScopes.AsNoTracking().ToListAsync(cancellationToken);
        _users.Clear();
        foreach (var user in users)
        {
            _users[user.Id] = Build(user, roles.Where(r => r.UserId == user.Id).Select(r => r.Name!).FirstOrDefault(),
                scopes.Where(s => s.UserId == user.Id).ToList());
        }
    }

    /// <summary>Re-reads one user after a change and tells subscribers.</summary>
    public async Task RefreshAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            _users.TryRemove(userId, out _);
        }
        else
        {
            var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                              where ur.UserId == userId select r.Name).FirstOrDefaultAsync(cancellationToken);
            var scopes = await db.UserScopes.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
            _users[userId] = Build(user, role, scopes);
        }
        _changes.Publish(userId);
    }

    /// <summary>
    /// Takes a user's new language without telling subscribers: they close sessions and hub connections on a change, and
    /// a language is no reason to.
    /// </summary>
    public void NoteCulture(string userId, string culture)
    {
        if (_users.TryGetValue(userId, out var user)) _users[userId] = user with { Culture = culture };
    }

    private static UserAccess Build(FleetUser user, string? role, List<UserScopeRow> scopes) => new(
        user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, role ?? Roles.Technician, user.IsDisabled,
        scopes.Where(s => s.Kind == ScopeKind.Region).Select(s => s.Value).Order().ToList(),
        scopes.Where(s => s.Kind == ScopeKind.Store).Select(s => s.Value).Order().ToList())
    {
        Culture = user.Culture,
    };
}
