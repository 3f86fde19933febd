using FleetOps.Core.Cases;
using FleetOps.Web.Live;
using FleetOps.Web.Persistence;
using FleetOps.Core.Wire;

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
        r.Step = c.Step.ToWire();
        r.Owner = c.Owner;
        r.BankReference = c.BankReference;
        r.Outcome = c.Outcome is { } o ? o.ToWire() : null;
        r.ResolvedAtMs = c.ResolvedAt?.ToUnixTimeMilliseconds();
        r.ResolvedBy = c.ResolvedBy;
        r.UpdatedAtMs = now.ToUnixTimeMilliseconds();
    }

    public static CaseEntryRow ToRow(this CaseEntry e, long caseId) => new()
    {
        CaseId = caseId,
        AtMs = e.At.ToUnixTimeMilliseconds(),
        Actor = e.Actor,
        Kind = e.Kind.ToWire(),
        Text = e.Text,
    };

    public static CaseEntry ToEntry(this CaseEntryRow r) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.Actor, Parse<CaseEntryKind>(r.Kind), r.Text);

    private static T Parse<T>(string wire) where T : struct, Enum =>
        WireNames.TryParse(wire, out T value) ? value : throw new InvalidDataException($"Unknown {typeof(T).Name} '{wire}' in the database.");
}
