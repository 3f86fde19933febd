using System.Text.Json.Serialization;

namespace FleetOps.Core.Cases;

/// <summary>The three steps of PRODUCT.md's recommended response, as the case's state.</summary>
public enum CaseStep
{
    [JsonStringEnumMemberName("check_record")] CheckRecord,
    [JsonStringEnumMemberName("contact_acquirer")] ContactAcquirer,
    [JsonStringEnumMemberName("resolved")] Resolved,
}
