using System.Globalization;
using System.Text.RegularExpressions;
using FleetOps.Web.Security;

namespace FleetOps.Web.Localization;

/// <summary>
/// The audit log's targets and details in the reader's language. They are stored in English when the action happens — one
/// language of record, whoever acted — and read back here through the <c>AuditText.*</c> patterns of <see cref="EnglishPatterns"/>.
/// A detail made of parts ("name A → B; region East → North", "Store manager · stores: SH-001") is translated part by part;
/// a part no pattern knows (a person's note, a reason, a store's name) is shown as written. English readers go through the
/// same patterns: the stored text names things by their codes ("emergency_plan", "offline") and counts without grammar
/// ("1 people" in old rows), which only the rendering makes readable.
/// </summary>
public static partial class AuditText
{
    private static readonly EnglishPatterns Patterns = new("AuditText.", codesAreNames: true);

    /// <summary>Actions whose details are people's words (a note, a reason, a store's name): shown as written, never matched.</summary>
    private static readonly HashSet<string> AsWritten = new(StringComparer.Ordinal)
    {
        AuditActions.AlertAcknowledged, AuditActions.MuteCreated, AuditActions.MuteDeleted, AuditActions.StoreCreated, AuditActions.StaffAdded,
        AuditActions.CaseNoteAdded,
    };

    /// <summary>
    /// Actions whose target is a name a person chose (an API token's "name (prefix…)", a report profile's name): shown as
    /// written — "offline sync (fo_…)" must not read "离线 sync", nor "owner portal" "所有者 portal".
    /// </summary>
    private static readonly HashSet<string> TargetAsWritten = new(StringComparer.Ordinal)
    {
        AuditActions.TokenCreated, AuditActions.TokenRevoked, AuditActions.TokenRotated, AuditActions.ReportProfileSaved,
    };

    /// <summary>A case's steps: "{store}: {the case trail's sentence}", the sentence read as the case page reads it.</summary>
    private static readonly HashSet<string> CaseSteps = new(StringComparer.Ordinal)
    {
        AuditActions.CaseOpened, AuditActions.CaseAdvanced, AuditActions.CaseOwnerChanged, AuditActions.CaseBankReferenceSet,
        AuditActions.CaseResolved, AuditActions.CaseReopened,
    };

    /// <summary>
    /// What an entry is about: "work order 12" → "工单 12", an alert's "unstable_power DEMO-0006" → "电源不稳定 DEMO-0006"
    /// (in English "Unstable power DEMO-0006");
    /// codes and addresses as written.
    /// </summary>
    public static string Target(string? target, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(target)) return target ?? "";
        if (Patterns.Match(target, culture) is { } whole) return whole;
        var space = target.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? Patterns.Value(target[..space], culture) + target[space..] : target;
    }

    /// <summary>What the entry of <paramref name="action"/> is about, in the reader's language unless it is a name someone chose.</summary>
    public static string Target(string action, string? target, CultureInfo culture) =>
        TargetAsWritten.Contains(action) ? target ?? "" : Target(target, culture);

    /// <summary>An entry's details in the reader's language, part by part.</summary>
    public static string Details(string action, string? details, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(details)) return details ?? "";
        if (details == AuditLog.Withheld) return Patterns.Match(details, culture) ?? details;
        if (AsWritten.Contains(action)) return details;
        if (CaseSteps.Contains(action) && details.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon)
            return $"{details[..colon]}{Colon(culture)}{ProblemDetailText.Translate(details[(colon + 2)..], culture)}";
        // Parts first: a pattern's placeholder would otherwise swallow the parts after it ("store {0} → {1}" of "store A → B; serial C → D").
        var parts = Separator().Split(details);
        // Split keeps the separators (its capture group) at the odd places.
        return string.Concat(parts.Select((part, i) => i % 2 == 1 ? (part == "; " && SupportedCultures.IsChinese(culture) ? "；" : part)
            : Patterns.Match(part, culture) ?? Patterns.Value(part, culture)));
    }

    private static string Colon(CultureInfo culture) => SupportedCultures.IsChinese(culture) ? "：" : ": ";

    [GeneratedRegex("(; | · )")]
    private static partial Regex Separator();
}
