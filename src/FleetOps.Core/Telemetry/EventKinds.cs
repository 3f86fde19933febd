namespace FleetOps.Core.Telemetry;

public enum EventType { Heartbeat, Power, Transaction }

public enum PowerSource { Mains, Battery }

/// <summary>Power event states of PROTOCOL.md §1; <see cref="Shutdown"/> is a clean, intended power-off.</summary>
public enum PowerState { Lost, Restored, OnBattery, LowBattery, Brownout, Shutdown }

public enum TransactionStage { Authorized, Signed, Completed, Voided, Reversed, Declined, Settled }

/// <summary>
/// The wire spelling of enumerations: lower snake_case, fixed by the protocol.
/// Kept as explicit tables (not reflection) so a rename in C# can never change the contract.
/// </summary>
public static class WireNames
{
    private static readonly Dictionary<string, EventType> EventTypes = new(StringComparer.Ordinal)
    {
        ["heartbeat"] = EventType.Heartbeat, ["power"] = EventType.Power, ["transaction"] = EventType.Transaction,
    };

    private static readonly Dictionary<string, PowerSource> PowerSources = new(StringComparer.Ordinal)
    {
        ["mains"] = PowerSource.Mains, ["battery"] = PowerSource.Battery,
    };

    private static readonly Dictionary<string, PowerState> PowerStates = new(StringComparer.Ordinal)
    {
        ["lost"] = PowerState.Lost, ["restored"] = PowerState.Restored, ["on_battery"] = PowerState.OnBattery,
        ["low_battery"] = PowerState.LowBattery, ["brownout"] = PowerState.Brownout, ["shutdown"] = PowerState.Shutdown,
    };

    private static readonly Dictionary<string, TransactionStage> Stages = new(StringComparer.Ordinal)
    {
        ["authorized"] = TransactionStage.Authorized, ["signed"] = TransactionStage.Signed,
        ["completed"] = TransactionStage.Completed, ["voided"] = TransactionStage.Voided,
        ["reversed"] = TransactionStage.Reversed, ["declined"] = TransactionStage.Declined,
        ["settled"] = TransactionStage.Settled,
    };

    public static bool TryParse(string? value, out EventType result) => TryLookup(EventTypes, value, out result);
    public static bool TryParse(string? value, out PowerSource result) => TryLookup(PowerSources, value, out result);
    public static bool TryParse(string? value, out PowerState result) => TryLookup(PowerStates, value, out result);
    public static bool TryParse(string? value, out TransactionStage result) => TryLookup(Stages, value, out result);

    public static string ToWire(this EventType value) => Reverse(EventTypes, value);
    public static string ToWire(this PowerSource value) => Reverse(PowerSources, value);
    public static string ToWire(this PowerState value) => Reverse(PowerStates, value);
    public static string ToWire(this TransactionStage value) => Reverse(Stages, value);

    public static IEnumerable<string> Names<T>() where T : struct, Enum => typeof(T) switch
    {
        var t when t == typeof(EventType) => EventTypes.Keys,
        var t when t == typeof(PowerSource) => PowerSources.Keys,
        var t when t == typeof(PowerState) => PowerStates.Keys,
        var t when t == typeof(TransactionStage) => Stages.Keys,
        _ => [],
    };

    private static bool TryLookup<T>(Dictionary<string, T> table, string? value, out T result)
    {
        if (value is not null && table.TryGetValue(value, out var found))
        {
            result = found;
            return true;
        }
        result = default!;
        return false;
    }

    private static string Reverse<T>(Dictionary<string, T> table, T value) where T : struct, Enum =>
        table.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;
}
