using System.Text.Json.Serialization;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The columns of the generic settlement report format (PROTOCOL §11). The wire names are how a saved mapping profile
/// names a column; the generic format's header names are the protocol's camelCase ones (<see cref="ReportLayout.Generic"/>).
/// </summary>
public enum ReportColumn
{
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("merchant_id")] MerchantId,
    [JsonStringEnumMemberName("terminal_id")] TerminalId,
    [JsonStringEnumMemberName("rrn")] Rrn,
    [JsonStringEnumMemberName("auth_code")] AuthCode,
    [JsonStringEnumMemberName("amount_minor")] AmountMinor,
    [JsonStringEnumMemberName("currency")] Currency,
    [JsonStringEnumMemberName("masked_pan")] MaskedPan,
    [JsonStringEnumMemberName("type")] Type,
    [JsonStringEnumMemberName("fee_minor")] FeeMinor,
}
