namespace FleetOps.Web.Notifications;

/// <summary>
/// One e-mail as the outbox stores it (JSON in the delivery's body): written once, in the recipient's language, when the
/// alert changed, so every retry sends the same words; the sender adds only the server's From address.
/// <see cref="StoreCode"/> is the alert's store (null for a test mail), checked against the reader's scope at each attempt;
/// <see cref="TokenId"/> the API token a mail warns of, which must still be valid at each attempt (a warning about a token
/// revoked meanwhile would send its owner to replace something already gone). <see cref="Entry"/>: an opened or resolved
/// alert mail's line in a digest (<see cref="MailDigest"/>), written with it in the same language.
/// </summary>
public sealed record MailContent(string To, string ToName, string Subject, string Text, string? StoreCode, int? TokenId = null,
    MailDigestEntry? Entry = null);
