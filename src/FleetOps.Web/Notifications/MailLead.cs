namespace FleetOps.Web.Notifications;

/// <summary>
/// The mail a digest follows (<see cref="MailDigest.LeadAsync"/>): its subject as the reader received it, when it was sent,
/// and how many alerts it held — one for the burst's first alert mailed alone, more for an earlier digest of the flood.
/// </summary>
public sealed record MailLead(string Subject, DateTimeOffset SentAt, int Alerts);
