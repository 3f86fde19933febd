using System.Text.Json;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The saved column-mapping profiles (issue 16 item 1): read from the database on each use (few rows, edited by hand,
/// shared by every node), written by administrators with an audit line in the same transaction. The import asks
/// <see cref="FindAsync"/> for the layout a report names; the generic format answers without a row.
/// </summary>
public sealed class ReportProfiles(FleetDbContextFactory databases, TimeProvider time)
{
    public async Task<IReadOnlyList<ReportProfile>> ListAsync(string? acquirer, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.ReportProfiles.AsNoTracking()
            .Where(p => acquirer == null || p.Acquirer == acquirer)
            .ToListAsync(cancellationToken);
        return [ReportProfile.Generic, .. rows.OrderBy(r => r.Acquirer, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).Select(FromRow)];
    }

    /// <summary>The profile called <paramref name="name"/> (any case), the generic one for "generic", or null.</summary>
    public async Task<ReportProfile?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key == ReportLayout.GenericName) return ReportProfile.Generic;
        await using var db = databases.CreateDbContext();
        var row = await db.ReportProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Name == key, cancellationToken);
        return row is null ? null : FromRow(row);
    }

    /// <summary>
    /// The layout an acquirer's own paperwork is written in (the exceptions export): its most recently saved profile,
    /// else the generic format.
    /// </summary>
    public async Task<ReportProfile> OfAcquirerAsync(string acquirer, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var row = await db.ReportProfiles.AsNoTracking().Where(p => p.Acquirer == acquirer)
            .OrderByDescending(p => p.UpdatedAtMs).ThenBy(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        return row is null ? ReportProfile.Generic : FromRow(row);
    }

    /// <summary>Creates or replaces a profile; the errors are a validation problem's (nothing is saved when there are any).</summary>
    public async Task<(ReportProfile? Profile, Dictionary<string, string[]> Errors)> SaveAsync(string name, string? acquirer, ReportProfileDraft draft,
        string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var key = name.Trim().ToLowerInvariant();
        var (layout, errors) = ReportProfileRules.Check(draft with { Name = key });
        if (key == ReportLayout.GenericName) errors["name"] = ["The generic format is built in and cannot be changed; save the mapping under another name."];
        else if (!RegistrationRules.IsAcquirerName(key)) errors["name"] = ["A profile name is lower-case letters, digits, '-' and '_', at most 32 characters."];
        if (!RegistrationRules.IsAcquirerName(acquirer))
            errors["acquirer"] = ["'acquirer' is a lower-case name of letters, digits, '-' and '_' (e.g. unionpay), at most 32 characters."];
        if (errors.Count > 0 || layout is null) return (null, errors);

        var now = time.GetUtcNow();
        await using var db = databases.CreateDbContext();
        var row = await db.ReportProfiles.SingleOrDefaultAsync(p => p.Name == key, cancellationToken);
        if (row is null)
        {
            row = new ReportProfileRow { Name = key, Acquirer = acquirer!, ColumnsJson = "{}", DateFormat = layout.DateFormat, UpdatedBy = actor };
            db.ReportProfiles.Add(row);
        }
        row.Acquirer = acquirer!;
        row.ColumnsJson = JsonSerializer.Serialize(layout.Headers.ToDictionary(h => h.Key.ToWire(), h => h.Value));
        row.DateFormat = layout.DateFormat;
        row.AmountsInMajorUnits = layout.AmountsInMajorUnits;
        row.TypeWordsJson = layout.TypeWords is { Count: > 0 } words ? JsonSerializer.Serialize(words.ToDictionary(w => w.Key, w => w.Value.ToWire())) : null;
        (row.UpdatedBy, row.UpdatedAtMs) = (actor, now.ToUnixTimeMilliseconds());
        db.AuditEntries.Add(AuditLog.Row(now, actor, AuditActions.ReportProfileSaved, key, $"acquirer {acquirer}", remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return (FromRow(row), errors);
    }

    private static ReportProfile FromRow(ReportProfileRow row)
    {
        var headers = new Dictionary<ReportColumn, string>();
        foreach (var (column, header) in JsonSerializer.Deserialize<Dictionary<string, string>>(row.ColumnsJson) ?? [])
        {
            if (WireNames.TryParse<ReportColumn>(column, out var known)) headers[known] = header;
        }
        Dictionary<string, SettlementItemType>? words = null;
        if (row.TypeWordsJson is { } json)
        {
            words = new Dictionary<string, SettlementItemType>(StringComparer.OrdinalIgnoreCase);
            foreach (var (word, type) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            {
                if (WireNames.TryParse<SettlementItemType>(type, out var known)) words[word] = known;
            }
        }
        var layout = new ReportLayout(row.Name, headers, row.DateFormat, row.AmountsInMajorUnits, words);
        return new ReportProfile(row.Acquirer, layout, false, row.UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs));
    }
}
