using FleetOps.Core.Text;
using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// Creating and changing users: Identity for the account, FleetOps tables for the scope, then the in-memory
/// directory (which tells open circuits and hub connections), and an audit line for every change.
/// </summary>
public sealed class UserAdministration(
    UserManager<FleetUser> userManager,
    FleetDbContextFactory databases,
    UserDirectory directory,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<IdentityResult> CreateAsync(UserDraft draft, string password, string actor, string? remoteAddress = null)
    {
        if (TextProblem(draft) is { } problem) return Failed(problem);
        if (!Roles.All.Contains(draft.Role)) return Failed($"Unknown role '{draft.Role}'.");
        var user = new FleetUser
        {
            UserName = draft.Email.Trim(), Email = draft.Email.Trim(), EmailConfirmed = true,
            DisplayName = draft.DisplayName.Trim(), CreatedAt = time.GetUtcNow(),
        };
        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        await userManager.AddToRoleAsync(user, draft.Role);
        await ReplaceScopeAsync(user.Id, draft.Regions, draft.Stores);
        await directory.RefreshAsync(user.Id);
        await audit.RecordAsync(actor, AuditActions.UserCreated, user.Email, Describe(draft), remoteAddress);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(string userId, UserDraft draft, string actor, string? remoteAddress = null)
    {
        if (TextProblem(draft) is { } problem) return Failed(problem);
        var user = await userManager.FindByIdAsync(userId);
        if (user is null) return Failed("No such user.");
        if (!Roles.All.Contains(draft.Role)) return Failed($"Unknown role '{draft.Role}'.");
        if (draft.Role != Roles.Administrator && IsLastActiveAdministrator(userId))
        {
            return Failed("This is the last active administrator; make someone else administrator first.");
        }
        user.DisplayName = draft.DisplayName.Trim();
        var saved = await userManager.UpdateAsync(user);
        if (!saved.Succeeded) return saved;
        var roles = await userManager.GetRolesAsync(user);
        if (!roles.SequenceEqual([draft.Role]))
        {
            await userManager.RemoveFromRolesAsync(user, roles);
            await userManager.AddToRoleAsync(user, draft.Role);
        }
        await ReplaceScopeAsync(user.Id, draft.Regions, draft.Stores);
        await directory.RefreshAsync(user.Id);
        await audit.RecordAsync(actor, AuditActions.UserChanged, user.Email, Describe(draft), remoteAddress);
        return IdentityResult.Success;
    }

    /// <summary>
    /// Saves the language a user chose. Not an access change, so nothing is audited and no session or hub connection
    /// is closed: the directory takes the new value without announcing the user.
    /// </summary>
    public Task<IdentityResult> SetCultureAsync(string userId, string culture) =>
        SaveLanguageAsync(userId, user => user.Culture = culture);

    /// <summary>Keeps the language of the page a user signed in from (see <see cref="FleetUser.SignInCulture"/>); as quiet as <see cref="SetCultureAsync"/>.</summary>
    public Task<IdentityResult> SetSignInCultureAsync(string userId, string culture) =>
        SaveLanguageAsync(userId, user => user.SignInCulture = culture);

    private async Task<IdentityResult> SaveLanguageAsync(string userId, Action<FleetUser> change)
    {
        var user = await userManager.FindByIdAsync(userId);
        if (user is null) return Failed("No such user.");
        var (chosen, signedIn) = (user.Culture, user.SignInCulture);
        change(user);
        // Signing in again from the same browser changes nothing: no write, no news for the other nodes.
        if (chosen == user.Culture && signedIn == user.SignInCulture) return IdentityResult.Success;
        var saved = await userManager.UpdateAsync(user);
        if (saved.Succeeded) directory.NoteLanguages(user);
        return saved;
    }

    /// <summary>Disables or enables a user. Disabling ends their sessions: the security stamp changes, open circuits are told.</summary>
    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled, string actor, string? remoteAddress = null)
    {
        var user = await userManager.FindByIdAsync(userId);
        if (user is null) return Failed("No such user.");
        if (disabled && IsLastActiveAdministrator(userId))
        {
            return Failed("This is the last active administrator and cannot be disabled.");
        }
        user.IsDisabled = disabled;
        var saved = await userManager.UpdateAsync(user);
        if (!saved.Succeeded) return saved;
        await userManager.UpdateSecurityStampAsync(user);
        await directory.RefreshAsync(user.Id);
        await audit.RecordAsync(actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.Email, null, remoteAddress);
        return IdentityResult.Success;
    }

    /// <summary>Nobody could administer FleetOps any more (the bootstrap token aside) if this one went.</summary>
    private bool IsLastActiveAdministrator(string userId) =>
        directory.Get(userId) is { IsAdministrator: true, Disabled: false }
        && directory.All.Count(u => u is { IsAdministrator: true, Disabled: false }) == 1;

    private async Task ReplaceScopeAsync(string userId, IEnumerable<string> regions, IEnumerable<string> stores)
    {
        await using var db = databases.CreateDbContext();
        await db.UserScopes.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        db.UserScopes.AddRange(regions.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(r => new UserScopeRow { UserId = userId, Kind = ScopeKind.Region, Value = r.Trim() }));
        db.UserScopes.AddRange(stores.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(s => new UserScopeRow { UserId = userId, Kind = ScopeKind.Store, Value = s.Trim() }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The text rule for everything a user record keeps (Identity checks an e-mail address only for an "@", so a card
    /// number in front of one would pass it). The names are the form's labels, so the dialog's message points at the field.
    /// </summary>
    private static string? TextProblem(UserDraft d) =>
        new[] { ("E-mail", d.Email), ("Display name", d.DisplayName) }
            .Concat(d.Regions.Select(r => ("Regions", r))).Concat(d.Stores.Select(s => ("Stores", s)))
            .Select(f => TextRules.Problem(f.Item1, f.Item2)).FirstOrDefault(p => p is not null);

    /// <summary>What the audit log says about a user's access, as a person reads it: "Store manager · stores: SH-001, SH-002".</summary>
    private static string Describe(UserDraft d)
    {
        var parts = new List<string> { Roles.Title(d.Role) };
        if (d.Regions.Count > 0) parts.Add($"regions: {string.Join(", ", d.Regions)}");
        if (d.Stores.Count > 0) parts.Add($"stores: {string.Join(", ", d.Stores)}");
        if (d.Role != Roles.Administrator && d.Regions.Count == 0 && d.Stores.Count == 0) parts.Add("no stores yet");
        return string.Join(" · ", parts);
    }

    private static IdentityResult Failed(string message) => IdentityResult.Failed(new IdentityError { Description = message });
}
