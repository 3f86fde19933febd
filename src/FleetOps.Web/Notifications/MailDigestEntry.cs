namespace FleetOps.Web.Notifications;

/// <summary>
/// What a digest (<see cref="MailDigest"/>) needs of one alert mail, written when the alert changed, in the reader's
/// language: the language's name, the store (<c>上海1号店 (SHA-001)</c>) and event (<c>Opened</c>) its heading names, the
/// alert's own line and link. <see cref="Head"/> and <see cref="Size"/> are set when it went in a digest: the delivery the
/// digest was sent as, and how many alerts it held.
/// </summary>
public sealed record MailDigestEntry(string Culture, string Where, string Happened, string Line, string? Link, Guid? Head = null, int Size = 0);
