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
    public string DisplayNameOf(string? email) => email is null ? "" : ByEmail(email)?.DisplayName ?? email;

    /// <summary>The user with this e-mail, letter case ignored as Identity ignores it (e-mails are unique); null when none.</summary>
    public UserAccess? ByEmail(string email) =>
        _users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    public bool IsEmpty => _users.IsEmpty;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var heldBefore = _users.Keys.ToList();
        await using var db = databases.CreateDbContext();
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var scopes = await db.UserScopes.AsNoTracking().ToListAsync(cancellationToken);
        // Replaced entry by entry, never cleared first: a reload after a missed cluster channel runs while requests are
        // served, and a user missing for that moment would be refused as unknown (CI once caught B in that window).
        foreach (var user in users)
        {
            _users[user.Id] = Build(user, roles.Where(r => r.UserId == user.Id).Select(r => r.Name!).FirstOrDefault(),
                scopes.Where(s => s.UserId == user.Id).ToList());
        }
        // Only users held before the read can be gone: one a change here added meanwhile was created after it.
        var present = users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in heldBefore.Where(id => !present.Contains(id))) _users.TryRemove(gone, out _);
    }

    /// <summary>
    /// Raised after <see cref="RefreshAsync"/>, i.e. for a change made on this node, not for one another node told of
    /// (<see cref="RefreshFromPeerAsync"/>): the cluster relay passes on only the first kind, so no change echoes back.
    /// </summary>
    public event Action<string>? ChangedHere;

    /// <summary>Re-reads one user after a change made on this node and tells subscribers.</summary>
    public async Task RefreshAsync(string userId, CancellationToken cancellationToken = default)
    {
        await ReloadAsync(userId, cancellationToken);
        ChangedHere?.Invoke(userId);
    }

    /// <summary>Re-reads one user another node changed and tells subscribers (its sessions and connections here end).</summary>
    public Task RefreshFromPeerAsync(string userId, CancellationToken cancellationToken = default) => ReloadAsync(userId, cancellationToken);

    /// <summary>
    /// Re-reads every user and tells subscribers of those whose access differs from what was held: after this node missed
    /// other nodes' news (the cluster channel was down), so a user disabled meanwhile loses their sessions here too.
    /// </summary>
    public async Task ReloadChangedAsync(CancellationToken cancellationToken = default)
    {
        var before = _users.ToDictionary(u => u.Key, u => AccessKey(u.Value), StringComparer.Ordinal);
        await LoadAsync(cancellationToken);
        var changed = _users.Where(u => !before.TryGetValue(u.Key, out var key) || key != AccessKey(u.Value)).Select(u => u.Key)
            .Concat(before.Keys.Where(id => !_users.ContainsKey(id)));
        foreach (var userId in changed) _changes.Publish(userId);
    }

    /// <summary>What decides a user's access, as one comparable string (the record's lists compare by reference).</summary>
    private static string AccessKey(UserAccess user) =>
        $"{user.Disabled}|{user.Role}|{string.Join(',', user.Regions)}|{string.Join(',', user.Stores)}";

    private async Task ReloadAsync(string userId, CancellationToken cancellationToken)
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
    /// Raised when a user's languages (chosen, or of their last sign-in) changed on this node: the cluster relay tells the
    /// other nodes, whose pages and mail read them, without ending anyone's sessions (a language is no access change).
    /// </summary>
    public event Action<string>? LanguagesChangedHere;

    /// <summary>
    /// Takes a user's new languages without telling subscribers: they close sessions and hub connections on a change, and
    /// a language is no reason to.
    /// </summary>
    public void NoteLanguages(FleetUser saved)
    {
        NoteLanguagesOf(saved);
        LanguagesChangedHere?.Invoke(saved.Id);
    }

    /// <summary>Re-reads the languages of a user another node saved, without telling subscribers (see <see cref="NoteLanguages"/>).</summary>
    public async Task RefreshLanguagesFromPeerAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } saved) NoteLanguagesOf(saved);
    }

    private void NoteLanguagesOf(FleetUser saved)
    {
        if (_users.TryGetValue(saved.Id, out var user)) _users[saved.Id] = user with { Culture = saved.Culture, SignInCulture = saved.SignInCulture };
    }

    private static UserAccess Build(FleetUser user, string? role, List<UserScopeRow> scopes) => new(
        user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, role ?? Roles.Technician, user.IsDisabled,
        scopes.Where(s => s.Kind == ScopeKind.Region).Select(s => s.Value).Order().ToList(),
        scopes.Where(s => s.Kind == ScopeKind.Store).Select(s => s.Value).Order().ToList())
    {
        Culture = user.Culture,
        SignInCulture = user.SignInCulture,
    };
}
