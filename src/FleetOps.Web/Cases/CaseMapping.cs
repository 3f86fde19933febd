using FleetOps.Core.Cases;
using FleetOps.Web.Live;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Cases;

/// <summary>Rows to domain records and back; enum values are stored by their wire names so the tables read well.</summary>
internal static class CaseMapping
{
    public static RecoveryCase ToCase(this CaseRow r) => new(r.Id, r.TerminalId, r.TransactionId, r.StoreCode)
    {
        Step = Parse<CaseStep>(r.Step),
        Owner = r.Owner,
        BankReference = r.BankReference,
        Outcome = r.Outcome is null ? null : Parse<CaseOutcome>(r.Outcome),
        OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.OpenedAtMs),
        OpenedBy = r.OpenedBy,
        ResolvedAt = r.ResolvedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        ResolvedBy = r.ResolvedBy,
    };

    public static void CopyTo(this RecoveryCase c, CaseRow r, DateTimeOffset now)
    {
        r.Step = LiveFormat.Wire(c.Step);
        r.Owner = c.Owner;
        r.BankReference = c.BankReference;
        r.Outcome = c.Outcome is { } o ? LiveFormat.Wire(o) : null;
        r.ResolvedAtMs = c.ResolvedAt?.ToUnixTimeMilliseconds();
        r.ResolvedBy = c.ResolvedBy;
        r.UpdatedAtMs = now.ToUnixTimeMilliseconds();
    }

    public static CaseEntryRow ToRow(this CaseEntry e, long caseId) => new()
    {
        CaseId = caseId,
        AtMs = e.At.ToUnixTimeMilliseconds(),
        Actor = e.Actor,
        Kind = LiveFormat.Wire(e.Kind),
        Text = e.Text,
    };

    public static CaseEntry ToEntry(this CaseEntryRow r) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.Actor, Parse<CaseEntryKind>(r.Kind), r.Text);

    private static T Parse<T>(string wire) where T : struct, Enum =>
        Enum.GetValues<T>().First(v => LiveFormat.Wire(v) == wire);
}
