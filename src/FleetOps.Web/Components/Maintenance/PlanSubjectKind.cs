using System.Text.Json.Serialization;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>What a new plan covers, as its form asks (docs/api.md §8: exactly one of <c>storeCode</c>, <c>model</c>, <c>terminalIds</c>).</summary>
public enum PlanSubjectKind
{
    [JsonStringEnumMemberName("store")] Store,
    [JsonStringEnumMemberName("model")] Model,
    [JsonStringEnumMemberName("terminals")] Terminals,
}
