using FleetOps.Core.Reconciliation;
using FleetOps.Core.Text;
using FleetOps.Web.Api;
using FleetOps.Web.Security;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The column-mapping profiles as the editor and the profile API see them (issue 16 item 1): the built-in generic format
/// first, then the saved ones (stored by <see cref="ReconciliationService"/>). A save is checked whole by
/// <see cref="ReportProfileRules"/> first, so a profile that could never read a report is refused naming what it lacks.
/// </summary>
public sealed class ReportProfiles(ReconciliationService reconciliation, AuditLog audit)
{
    /// <summary>The built-in format, good for every acquirer, never stored and never edited.</summary>
    public static ReportProfile Generic { get; } = new(ReportLayout.GenericName, "", ReportLayout.Generic, "", DateTimeOffset.UnixEpoch);

    public static bool IsBuiltIn(ReportProfile profile) => ReferenceEquals(profile, Generic);

    public async Task<IReadOnlyList<ReportProfile>> ListAsync(string? acquirer, CancellationToken cancellationToken) =>
    [
        Generic,
        .. (await reconciliation.ProfilesAsync(cancellationToken))
            .Where(p => acquirer is null || string.Equals(p.Acquirer, acquirer, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Acquirer, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal),
    ];

    /// <summary>The profile called <paramref name="name"/>, the generic one for "generic", or null.</summary>
    public async Task<ReportProfile?> FindAsync(string name, CancellationToken cancellationToken) =>
        TextRules.Problem("name", name) is not null ? null // never saved under such a name (SaveAsync's rule)
        : string.Equals(name.Trim(), ReportLayout.GenericName, StringComparison.OrdinalIgnoreCase)
            ? Generic
            : (await reconciliation.ProfilesAsync(cancellationToken)).FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The layout an acquirer's own paperwork is written in (the exceptions export): its most recently saved profile,
    /// else the generic format.
    /// </summary>
    public async Task<ReportProfile> OfAcquirerAsync(string acquirer, CancellationToken cancellationToken) =>
        (await reconciliation.ProfilesAsync(cancellationToken))
            .Where(p => string.Equals(p.Acquirer, acquirer, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.UpdatedAt).FirstOrDefault() ?? Generic;

    /// <summary>Creates or replaces a profile; the errors are a validation problem's (nothing is saved when there are any).</summary>
    public async Task<(ReportProfile? Profile, Dictionary<string, string[]> Errors)> SaveAsync(string? acquirer, ReportProfileDraft draft,
        string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        // Not lower-cased: "QA5" is refused as the upload refuses acquirer=QAACQ (api.md §11), not kept as a second
        // spelling the caller never wrote.
        var name = draft.Name.Trim();
        var (layout, errors) = ReportProfileRules.Check(draft with { Name = name });
        // The text rule first: "4111111111111111" is lower-case letters and digits too, and the name is kept (and shown).
        if (TextRules.Problem("name", name) is { } nameProblem) errors["name"] = [nameProblem];
        else if (name == ReportLayout.GenericName) errors["name"] = ["The generic format is built in and cannot be changed; save the mapping under another name."];
        else if (!RegistrationRules.IsAcquirerName(name)) errors["name"] = ["A profile name is lower-case letters, digits, '-' and '_', at most 32 characters."];
        if (acquirer is not null && TextRules.Problem("acquirer", acquirer) is { } acquirerProblem) errors["acquirer"] = [acquirerProblem];
        else if (!RegistrationRules.IsAcquirerName(acquirer))
            errors["acquirer"] = ["'acquirer' is a lower-case name of letters, digits, '-' and '_' (e.g. unionpay), at most 32 characters."];
        if (errors.Count > 0 || layout is null) return (null, errors);

        if (await reconciliation.SaveProfileAsync(name, acquirer!, layout, actor, cancellationToken) is { } problem)
        {
            // The service's remaining rule: the acquirer must credit some store (a profile for nobody's bank is a typo).
            errors["acquirer"] = [problem];
            return (null, errors);
        }
        await audit.RecordAsync(actor, AuditActions.ReportProfileSaved, name, $"acquirer {acquirer}", remoteAddress, cancellationToken);
        return (await FindAsync(name, cancellationToken), errors);
    }
}
