using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetOps.E2E.Tests.Infrastructure;

/// <summary>A sale's stages as a terminal sends them, and an acquirer's settlement report in the generic CSV format.</summary>
public static class SettlementCsv
{
    public const string Header = "date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor";

    /// <summary>The stores' zone: their days are the report's booking days.</summary>
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>One stage of a sale of CN¥128.00 with the given retrieval reference number.</summary>
    public static JsonObject Stage(string transactionId, string stage, DateTimeOffset at, string rrn) => new()
    {
        ["id"] = $"e2e-recon-{FleetOpsClient.Letters(16)}", ["type"] = "transaction",
        ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), ["transactionId"] = transactionId, ["stage"] = stage,
        ["amountMinor"] = 12800, ["currency"] = "CNY", ["maskedPan"] = "622848******1234", ["authCode"] = "A1B2C3", ["rrn"] = rrn,
        ["batchNumber"] = "000123",
    };

    /// <summary>A credited sale of the report, with a fee of 50 minor units.</summary>
    public static string Line(DateOnly day, string merchant, string terminal, string rrn, long amountMinor) =>
        string.Join(',', day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), merchant, terminal, rrn, "A1B2C3",
            amountMinor.ToString(CultureInfo.InvariantCulture), "CNY", "622848******1234", "sale", "50");

    public static string Csv(IEnumerable<string> lines) => Header + "\n" + string.Join("\n", lines) + "\n";
}
