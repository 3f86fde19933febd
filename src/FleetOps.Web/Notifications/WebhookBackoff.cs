namespace FleetOps.Web.Notifications;

/// <summary>
/// When a failed delivery is tried again (docs/api.md §5): the first retry 15 s later (within 30 s), then ever longer
/// waits adding up to about 32 hours — more than the 24 h the contract asks, so a receiver down for a whole day still
/// gets its backlog. After the last retry the delivery is given up (<see cref="WebhookDeliveryStatus.Failed"/>).
/// </summary>
public static class WebhookBackoff
{
    public static readonly IReadOnlyList<TimeSpan> Delays =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt, or null when that was the last.</summary>
    public static TimeSpan? After(int attempts) => attempts >= 1 && attempts <= Delays.Count ? Delays[attempts - 1] : null;
}
