using System.Text.Json.Serialization;

namespace FleetOps.Core.Reconciliation;

/// <summary>The columns of the generic settlement report format, by their fixed header names (PROTOCOL §11).</summary>
public enum ReportColumn
{
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("merchantId")] MerchantId,
    [JsonStringEnumMemberName("terminalId")] TerminalId,
    [JsonStringEnumMemberName("rrn")] Rrn,
    [JsonStringEnumMemberName("authCode")] AuthCode,
    [JsonStringEnumMemberName("amountMinor")] AmountMinor,
    [JsonStringEnumMemberName("currency")] Currency,
    [JsonStringEnumMemberName("maskedPan")] MaskedPan,
    [JsonStringEnumMemberName("type")] Type,
    [JsonStringEnumMemberName("feeMinor")] FeeMinor,
}
