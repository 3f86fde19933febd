namespace FleetOps.Web.Notifications;

/// <summary>
/// How one attempt at a delivery went: taken (<see cref="Error"/> null), failed and to be retried on the back-off, or
/// given up at once (<see cref="GiveUp"/>) because sending it is no longer right — an e-mail whose reader has since
/// lost the store or been disabled — or because the receiver refused it for good (a mail server's 5xx to the recipient).
/// </summary>
public readonly record struct DeliveryAttempt(string? Error, bool GiveUp)
{
    public static DeliveryAttempt Retry(string? error) => new(error, false);

    public static DeliveryAttempt Withdraw(string reason) => new(reason, true);

    public static DeliveryAttempt Refused(string error) => new(error, true);
}
