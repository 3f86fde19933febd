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

    /// <summary>
    /// A new acquirer with one store and terminal, and a sale of it settled <paramref name="daysAgo"/> days ago at noon,
    /// store time, under <paramref name="rrn"/>: what a report of that acquirer credits or leaves out.
    /// </summary>
    public static async Task<(string Acquirer, string Merchant, string AcquirerTerminal, string Store, string Terminal, string Sale, DateOnly Day)>
        SettledSaleAsync(FleetOpsClient api, int daysAgo, string rrn)
    {
        var acquirer = $"acq-{FleetOpsClient.Letters(8)}";
        var merchant = "8983100" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var acquirerTerminal = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var store = await api.CreateAcquirerStoreAsync(acquirer, merchant);
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterAcquirerTerminalAsync(terminal, store, acquirerTerminal);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime).AddDays(-daysAgo);
        var settledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        var sale = FleetOpsClient.NewId("tx");
        await api.PostEventsAsync(terminal, key, Stage(sale, "authorized", settledAt.AddMinutes(-2), rrn),
            Stage(sale, "completed", settledAt.AddMinutes(-1), rrn), Stage(sale, "settled", settledAt, rrn));
        return (acquirer, merchant, acquirerTerminal, store, terminal, sale, day);
    }
}
