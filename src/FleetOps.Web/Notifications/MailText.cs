using System.Globalization;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;

namespace FleetOps.Web.Notifications;

/// <summary>
/// The words of a notification e-mail, in the recipient's saved language (the same resources and formats as the pages):
/// a subject a person can sort their inbox by — <c>[FleetOps] Critical: Store power outage – Store SH-001 (Opened)</c> —
/// and a plain-text body with kind, severity, subject, event, the time in the store's own zone and a link to the alerts.
/// </summary>
public static class MailText
{
    /// <param name="acknowledgedBy">The display name of who acknowledged the alert (for an acknowledged mail), else ignored.</param>
    public static MailContent Alert(UserAccess to, CultureInfo language, string type, Alert alert, StoreInfo? store, DateTimeOffset at, string baseUrl,
        string acknowledgedBy = "")
    {
        var (texts, format) = In(language);
        var severity = format.Name(alert.Severity);
        var kind = format.Name(alert.Kind);
        // Managers know their stores by name; the code stays beside it, as the alerts page filters by it.
        var where = store is null ? alert.StoreCode : texts["Mail.Store", store.Name, store.Code].Value;
        var subject = alert.TerminalId is { } terminal ? texts["Mail.Subject.Terminal", terminal, where] : texts["Mail.Subject.Store", where];
        var transition = WebhookMessage.TransitionOf(type);
        // The event type says "opened" for a reopened alert too (webhooks keep docs/api.md's three types); one seen more than
        // once came back within the reopen window, and the reader should know it is the same trouble again.
        var reopened = transition == AlertTransition.Opened && alert.Occurrences > 1;
        var happened = format.Name(reopened ? AlertTransition.Reopened : transition);
        var lines = new List<string> { texts["Mail.Body", severity, kind, subject, happened, format.Time(at, store?.TimeZone)].Value };
        if (reopened) lines.Add(texts["Mail.Occurrence", alert.Occurrences, format.Time(alert.OpenedAt, store?.TimeZone)]);
        if (transition == AlertTransition.Acknowledged)
        {
            lines.Add(texts["Mail.AcknowledgedBy", acknowledgedBy.Length > 0 ? acknowledgedBy : alert.AcknowledgedBy ?? ""]);
            // Plain text only (no HTML part), so the note is written as typed.
            if (!string.IsNullOrWhiteSpace(alert.AcknowledgementNote)) lines.Add(texts["Mail.Note", alert.AcknowledgementNote.Trim()]);
        }
        var link = Link(baseUrl, $"alerts?state=all&store={Uri.EscapeDataString(alert.StoreCode)}&kind={alert.Kind.ToWire()}");
        // Opened and resolved mails may go in a digest of their store's; an acknowledgement is one person's act, sent alone.
        // A digest's heading says Opened for all; a reopened alert's own line says it is back, as its lone mail would.
        // A digest is of one store, named in its heading: a line names the terminal only (every line repeating the store
        // and its code buried the terminals a manager reads it for), or says the alert is the whole store's.
        var listed = alert.TerminalId is { } id ? texts["Mail.Digest.Terminal", id] : texts["Mail.Digest.StoreWide"];
        var line = reopened
            ? texts["Mail.Digest.LineReopened", severity, kind, listed, format.Time(at, store?.TimeZone), alert.Occurrences]
            : texts["Mail.Digest.Line", severity, kind, listed, format.Time(at, store?.TimeZone)];
        var entry = transition == AlertTransition.Acknowledged ? null : new MailDigestEntry(language.Name, where, format.Name(transition), line, link);
        return new MailContent(to.Email, to.DisplayName, texts["Mail.Subject", severity, kind, subject, happened],
            Compose(string.Join("\n", lines), link is null ? null : texts["Mail.Link", link].Value, texts["Mail.Footer"]), alert.StoreCode, Entry: entry);
    }

    /// <summary>
    /// One mail for several opened (or resolved) alerts of one store to one person (<see cref="MailDigest"/>): a heading
    /// with how many, a line for each in the order given, and the links to them (one per kind: the alerts page filtered by store and kind).
    /// </summary>
    /// <param name="after">
    /// The mail the digest follows (<see cref="MailDigest.LeadAsync"/>): the burst's first alert sent alone, or an earlier
    /// digest. The heading then says so, on the store's clock (<paramref name="timeZone"/>), with its subject, and how many
    /// alerts the burst had in all (a manager counting the digest's lines thought one was missing) or that digest held.
    /// </param>
    public static MailContent Digest(IReadOnlyList<MailContent> mails, MailLead? after = null, string? timeZone = null)
    {
        var first = mails[0].Entry ?? throw new ArgumentException("A digest is made of alert mails with digest entries.", nameof(mails));
        var (texts, format) = In(CultureInfo.GetCultureInfo(first.Culture));
        var lines = mails.Select(m => $"- {m.Entry!.Line}");
        var links = mails.Select(m => m.Entry!.Link).OfType<string>().Distinct().Select(l => texts["Mail.Link", l].Value).ToList();
        // After the burst's first alert mailed alone: how many in all. After an earlier digest: how many that one held (a
        // flood can run to several, and "in all" would count only the last two).
        var heading = after switch
        {
            null => texts["Mail.Digest.Body", mails.Count, first.Where, first.Happened],
            { Alerts: 1 } => texts["Mail.Digest.BodyAfter", mails.Count, first.Where, first.Happened, format.Time(after.SentAt, timeZone), after.Subject, mails.Count + 1],
            _ => texts["Mail.Digest.BodyAfterDigest", mails.Count, first.Where, first.Happened, format.Time(after.SentAt, timeZone), after.Subject, after.Alerts],
        };
        return mails[0] with
        {
            Subject = DigestSubject(first, mails.Count),
            Text = Compose($"{heading}\n\n{string.Join("\n", lines)}", links.Count == 0 ? null : string.Join("\n", links), texts["Mail.Footer"]),
            Entry = null,
        };
    }

    /// <summary>
    /// The subject of a digest of <paramref name="count"/> alerts whose first is <paramref name="first"/>, in the digest's
    /// language: the mail's, and the delivery log's for it (the log listed the first alert's own subject beside "49 alerts
    /// in one e-mail", a line the reader never received).
    /// </summary>
    public static string DigestSubject(MailDigestEntry first, int count) =>
        In(CultureInfo.GetCultureInfo(first.Culture)).Texts["Mail.Digest.Subject", count, first.Where, first.Happened];

    /// <summary>
    /// A test mail: when it was asked for (it may leave later, after retries) on the clock of the person's stores, a link to
    /// the settings it tests, and a footer that is true whether their alert mails are on or off.
    /// </summary>
    public static MailContent Test(UserAccess to, CultureInfo language, DateTimeOffset at, TimeZoneInfo zone, bool alertsOn, string baseUrl)
    {
        var (texts, format) = In(language);
        return new MailContent(to.Email, to.DisplayName, texts["Mail.Test.Subject"],
            Compose(texts["Mail.Test.Body", format.Time(at, zone.Id)],
                Link(baseUrl, "account/notifications") is { } link ? texts["Mail.Test.Link", link].Value : null,
                alertsOn ? texts["Mail.Footer"] : texts["Mail.Test.FooterOff"]), StoreCode: null);
    }

    /// <summary>
    /// An owner's API token expires within a week: what stops, when (on the clock of the owner's stores, as their tokens page
    /// reads it), and what to do, with a link to the tokens page.
    /// </summary>
    public static MailContent TokenExpiring(UserAccess to, CultureInfo language, ApiTokenInfo token, TimeZoneInfo zone, string baseUrl)
    {
        var (texts, format) = In(language);
        var expires = token.ExpiresAt!.Value;
        var link = Link(baseUrl, "account/tokens");
        return new MailContent(to.Email, to.DisplayName, texts["Mail.TokenExpiring.Subject", token.Name, format.Date(StoreTime.Day(expires, zone.Id))],
            Compose(texts["Mail.TokenExpiring.Body", token.Name, token.Prefix, format.Time(expires, zone.Id)],
                link is null ? null : texts["Mail.TokenExpiring.Link", link].Value, texts["Mail.TokenExpiring.Footer"]), StoreCode: null, token.Id);
    }

    private static (CultureLocalizer<UiText> Texts, UiFormat Format) In(CultureInfo language)
    {
        var culture = UiCulture.Fixed(language);
        var texts = new CultureLocalizer<UiText>(culture);
        return (texts, new UiFormat(texts, culture));
    }

    private static string? Link(string baseUrl, string path) => baseUrl.Length == 0 ? null : $"{baseUrl.TrimEnd('/')}/{path}";

    private static string Compose(string body, string? link, string footer) =>
        string.Join("\n\n", new[] { body, link, footer }.OfType<string>()) + "\n";
}
