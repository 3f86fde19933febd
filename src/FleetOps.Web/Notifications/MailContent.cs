namespace FleetOps.Web.Notifications;

/// <summary>
/// One e-mail as the outbox stores it (JSON in the delivery's body): written once, in the recipient's language, when the
/// alert changed, so every retry sends the same words; the sender adds only the server's From address.
/// <see cref="StoreCode"/> is the alert's store (null for a test mail), checked against the reader's scope at each attempt.
/// </summary>
public sealed record MailContent(string To, string ToName, string Subject, string Text, string? StoreCode);
