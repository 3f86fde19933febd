using FleetOps.Core.Text;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// The append-only audit log: who did what, when, from where. There is deliberately no update or delete:
/// the only writer is <see cref="RecordAsync"/>, and the page only reads.
/// A value that breaks <see cref="TextRules"/> (a card number, control characters, broken Unicode) is replaced by
/// <see cref="Withheld"/> rather than refused: the line must still be written — an audit that drops the record of a
/// sign-in attempt because its user name was a card number would hide exactly what it exists to show — but the log
/// must never become the place where a card number is kept, nor fail on PostgreSQL because of a NUL.
/// </summary>
public sealed class AuditLog(FleetDbContextFactory databases, TimeProvider time)
{
    public async Task RecordAsync(string actor, string action, string? target = null, string? details = null,
        string? remoteAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        db.AuditEntries.Add(Row(time.GetUtcNow(), actor, action, target, details, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// An audit line to save with another change in the same transaction (a case change and its audit line commit together),
    /// with the same limits and withholding as <see cref="RecordAsync"/>.
    /// </summary>
    public static AuditEntryRow Row(DateTimeOffset at, string actor, string action, string? target = null, string? details = null,
        string? remoteAddress = null) => new()
    {
        AtMs = at.ToUnixTimeMilliseconds(),
        Actor = Kept(actor, 256)!,
        Action = Kept(action, 64)!,
        Target = Kept(target, 256),
        Details = Kept(details, 2000, multiline: true),
        RemoteAddress = Kept(remoteAddress, 64),
    };

    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> PageAsync(
        string? search, string? action, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(a => a.Actor.Contains(s) || (a.Target != null && a.Target.Contains(s)) || (a.Details != null && a.Details.Contains(s)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows.Select(r => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.Actor, r.Action, r.Target, r.Details, r.RemoteAddress)).ToList(), total);
    }

    /// <summary>
    /// A count with its noun in the form the count asks for ("1 wave", "3 waves"): the stored line is English, and read
    /// back through the <c>AuditText.*</c> patterns, whose <c>{0:wave|waves}</c> matches either form.
    /// </summary>
    public static string Counted(long count, string one, string other) =>
        $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {(count == 1 ? one : other)}";

    /// <summary>What an audit line shows in place of a value FleetOps may not keep.</summary>
    public const string Withheld = "[withheld: not storable text, e.g. a card number]";

    /// <summary>
    /// Checked whole before clipping (clipping could cut a card number short and hide it from the guard), and clipped so
    /// that a surrogate pair is never split in two.
    /// </summary>
    private static string? Kept(string? value, int max, bool multiline = false)
    {
        if (value is null) return null;
        if (TextRules.Problem("audit", value, multiline) is not null) return Withheld;
        if (value.Length <= max) return value;
        return value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)];
    }
}
