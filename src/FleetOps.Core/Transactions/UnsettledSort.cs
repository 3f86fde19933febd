using System.Text.Json.Serialization;

namespace FleetOps.Core.Transactions;

public enum UnsettledSort
{
    [JsonStringEnumMemberName("oldest")] Oldest,
    [JsonStringEnumMemberName("newest")] Newest,
    [JsonStringEnumMemberName("amount_highest")] AmountHighest,
    [JsonStringEnumMemberName("store")] Store,
    [JsonStringEnumMemberName("reason")] Reason,
}
