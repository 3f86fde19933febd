namespace FleetOps.Core.Fleet;

/// <summary>
/// One store-wide power outage (docs/api.md §6): from the first loss of the affected terminals to the first report
/// (heartbeat or <c>restored</c>) of any of them after the last loss; <see cref="EndedAt"/> is null while it lasts.
/// Derived, never stored: <see cref="StorePowerIncidentRule"/> finds the same incidents from the same power histories
/// in whatever order their events came, so the id (store and start) is stable across restarts.
/// </summary>
public sealed record StorePowerIncident(
    string StoreCode,
    DateTimeOffset StartedAt,
    DateTimeOffset LastLossAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> AffectedTerminals,
    int TerminalsInStore)
{
    /// <summary>
    /// <c>PI-{store}-D{yyyyMMdd}T{HHmmss}</c> in UTC: the letters keep every run of digits under 13, so the id passes
    /// the card-number guard wherever it is quoted back (a dash would join the store's digits to the date's).
    /// </summary>
    public string Id => $"PI-{StoreCode}-D{StartedAt.UtcDateTime:yyyyMMdd}T{StartedAt.UtcDateTime:HHmmss}";

    public bool IsOpen => EndedAt is null;

    /// <summary>How long the store was without power: to the end, or to <paramref name="now"/> while it lasts.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (EndedAt ?? now) - StartedAt;
}
