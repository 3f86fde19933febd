namespace FleetOps.Core.Maintenance;

/// <summary>What one generated work order is about: a store (no terminal) or one terminal, in its store's time zone.</summary>
public sealed record PlanSubject(string StoreCode, string? TerminalId, TimeZoneInfo Zone)
{
    public string Key => TerminalId ?? StoreCode;
}
