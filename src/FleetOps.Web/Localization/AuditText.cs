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
    /// <summary>AuditText.Every.* are a plan's interval inside a detail ("interval 1 month → 2 months"), read with the count's own form.</summary>
    private static readonly EnglishPatterns Patterns = new("AuditText.", codesAreNames: true, clauses: new("AuditText.Every.", codesAreNames: true),
        except: "AuditText.Every.");

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

    /// <summary>An entry's details in the reader's language, part by part (no clock nor names from the pages: times stay UTC, item keys as stored).</summary>
    public static string Details(string action, string? details, CultureInfo culture) => Details(action, null, details, new AuditReading(culture));

    /// <summary>
    /// An entry's details in the reader's language, part by part; the stored UTC times on the reader's clock and a checklist
    /// item's key as its label, as far as <paramref name="reading"/> knows them.
    /// </summary>
    public static string Details(string action, string? target, string? details, AuditReading reading)
    {
        var culture = reading.Culture;
        if (string.IsNullOrEmpty(details)) return details ?? "";
        if (details == AuditLog.Withheld) return Patterns.Match(details, culture) ?? details;
        // A mute: "{from} – {until}: {reason}", the range FleetOps' and the reason a person's (or a visit's, which FleetOps wrote).
        if (action == AuditActions.MuteCreated && MuteDetails().Match(details) is { Success: true } mute)
            return Ranges(mute.Groups["range"].Value, reading) + Colon(culture) + MuteReason(mute.Groups["reason"].Value, reading);
        if (action == AuditActions.MuteDeleted) return MuteReason(details, reading);
        if (AsWritten.Contains(action)) return details;
        if (CaseSteps.Contains(action) && details.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon)
            return $"{details[..colon]}{Colon(culture)}{ProblemDetailText.Translate(details[(colon + 2)..], culture)}";
        details = Ranges(ItemLabel(action, target, details, reading), reading);
        // Parts first: a pattern's placeholder would otherwise swallow the parts after it ("store {0} → {1}" of "store A → B; serial C → D").
        var parts = Separator().Split(details);
        // Split keeps the separators (its capture group) at the odd places.
        return string.Concat(parts.Select((part, i) => i % 2 == 1 ? (part == "; " && SupportedCultures.IsChinese(culture) ? "；" : part)
            : Patterns.Match(part, culture) ?? Patterns.Value(part, culture)));
    }

    /// <summary>
    /// A checklist item's key in a photo's or a follow-up's line ("photo terminal_photo, 156 bytes", "…, follow-up of work
    /// order 5 (printer_ok)") replaced by its label on that work order's checklist; kept when the reader cannot name it.
    /// </summary>
    private static string ItemLabel(string action, string? target, string details, AuditReading reading)
    {
        if (reading.ItemLabel is not { } label) return details;
        var (workOrder, item) = action switch
        {
            AuditActions.WorkOrderPhotoAdded when target is not null && WorkOrderTarget().Match(target) is { Success: true } t
                && PhotoDetails().Match(details) is { Success: true } p => (t.Groups["id"].Value, p.Groups["item"]),
            AuditActions.WorkOrderCreated when FollowUpDetails().Match(details) is { Success: true } f => (f.Groups["id"].Value, f.Groups["item"]),
            _ => ("", null),
        };
        if (item is null || !long.TryParse(workOrder, CultureInfo.InvariantCulture, out var id) || label(id, item.Value) is not { } named) return details;
        return string.Concat(details.AsSpan(0, item.Index), named, details.AsSpan(item.Index + item.Length));
    }

    /// <summary>Every stored UTC range ("2026-12-10 01:00:00Z – 2026-12-10 02:00:00Z") on the reader's clock.</summary>
    private static string Ranges(string text, AuditReading reading) => reading.Range is not { } range ? text : UtcRange().Replace(text, m =>
        range(Utc(m.Groups["from"].Value), Utc(m.Groups["until"].Value)));

    private static DateTimeOffset Utc(string stored) =>
        DateTimeOffset.ParseExact(stored, "u", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A visit's mute ("maintenance visit {title}", FleetOps' words) reads as the alerts page reads it; any other reason as written.</summary>
    private static string MuteReason(string reason, AuditReading reading)
    {
        if (VisitReason().Match(reason) is not { Success: true } visit) return reason;
        var title = visit.Groups["title"].Value;
        return Patterns.Format("Alerts.Mute.Visit", reading.Culture, reading.WorkOrderTitle?.Invoke(title) ?? title);
    }

    private static string Colon(CultureInfo culture) => SupportedCultures.IsChinese(culture) ? "：" : ": ";

    [GeneratedRegex("(; | · )")]
    private static partial Regex Separator();

    private const string UtcTime = @"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ";

    [GeneratedRegex($"(?<from>{UtcTime}) – (?<until>{UtcTime})")]
    private static partial Regex UtcRange();

    [GeneratedRegex($"^(?<range>{UtcTime} – {UtcTime}): (?<reason>.*)$", RegexOptions.Singleline)]
    private static partial Regex MuteDetails();

    [GeneratedRegex("^maintenance visit (?<title>.+)$", RegexOptions.Singleline)]
    private static partial Regex VisitReason();

    [GeneratedRegex(@"^work order (?<id>\d+)$")]
    private static partial Regex WorkOrderTarget();

    [GeneratedRegex(@"^(?:signature|photo) (?<item>.+?), \d+ bytes$")]
    private static partial Regex PhotoDetails();

    [GeneratedRegex(@", follow-up of work order (?<id>\d+) \((?<item>[^)]*)\)$")]
    private static partial Regex FollowUpDetails();
}
