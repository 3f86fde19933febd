namespace FleetOps.Core.Alerts;

/// <summary>
/// What one alert is about: a kind and its subject, a terminal or (with no terminal) a whole store. There is at most
/// one active alert per subject (docs/api.md §5).
/// </summary>
public readonly record struct AlertSubject(AlertKind Kind, string StoreCode, string? TerminalId)
{
    public override string ToString() => TerminalId is null ? $"{Kind} {StoreCode}" : $"{Kind} {TerminalId} ({StoreCode})";
}
