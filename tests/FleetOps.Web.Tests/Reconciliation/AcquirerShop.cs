using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// A store credited by an acquirer of its own (so tests sharing an app never see each other's reports), with one terminal
/// the acquirer knows by its own id, selling over the telemetry API; and the report lines and uploads of PROTOCOL §11.
/// </summary>
public sealed class AcquirerShop
{
    public const string Header = "date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor";

    private readonly FleetOpsApp _app;

    private readonly TimeZoneInfo _zone;

    private AcquirerShop(FleetOpsApp app, string acquirer, string store, string merchantId, string terminalId, string acquirerTerminalId, string key,
        TimeZoneInfo zone)
    {
        (_app, _zone) = (app, zone);
        (Acquirer, Store, MerchantId, TerminalId, AcquirerTerminalId, Key) = (acquirer, store, merchantId, terminalId, acquirerTerminalId, key);
    }

    public string Acquirer { get; }
    public string Store { get; }
    public string MerchantId { get; }
    public string TerminalId { get; }
    public string AcquirerTerminalId { get; }
    public string Key { get; }

    /// <summary>Registers the store (in <paramref name="timeZone"/>, Shanghai unless told) and its terminal.</summary>
    public static async Task<AcquirerShop> OpenAsync(FleetOpsApp app, string? acquirer = null, string timeZone = "Asia/Shanghai")
    {
        acquirer ??= Ids.New("acq").ToLowerInvariant();
        var store = Ids.New("S");
        var merchant = "8983100" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var terminal = Ids.New("T");
        var acquirerTerminal = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        using var client = app.CreateAdminClient();
        using (var created = await client.PostAsJsonAsync("/api/v1/stores",
                   new { code = store, name = $"Store {store}", region = "East", timeZone, acquirer, merchantId = merchant }))
        {
            await Expect.StatusAsync(created, HttpStatusCode.Created);
        }
        using var registered = await client.PostAsJsonAsync("/api/v1/terminals",
            new { terminalId = terminal, storeCode = store, model = "A920", serialNumber = $"SN-{terminal}", acquirerTerminalId = acquirerTerminal });
        await Expect.StatusAsync(registered, HttpStatusCode.Created);
        var key = (await Expect.JsonObjectAsync(registered))["key"]!.GetValue<string>();
        return new AcquirerShop(app, acquirer, store, merchant, terminal, acquirerTerminal, key, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
    }

    /// <summary>A sale authorised, completed and settled at <paramref name="at"/>; returns the store-local settlement day.</summary>
    public async Task<DateOnly> SettledSaleAsync(string transactionId, string rrn, long amountMinor, DateTimeOffset at)
    {
        await _app.PostAcceptedAsync(Key, TerminalId,
            Transaction($"{transactionId}:a", at.AddMinutes(-2), transactionId, "authorized", amountMinor, rrn: rrn),
            Transaction($"{transactionId}:c", at.AddMinutes(-1), transactionId, "completed", amountMinor, rrn: rrn),
            Transaction($"{transactionId}:s", at, transactionId, "settled", amountMinor, rrn: rrn));
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);
    }

    /// <summary>A credit line of this shop's terminal in the generic format.</summary>
    public string Line(DateOnly day, string rrn, long amountMinor, string type = "sale", long feeMinor = 50, string? terminal = null, string? merchant = null) =>
        string.Join(',', day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), merchant ?? MerchantId, terminal ?? AcquirerTerminalId, rrn, "A1B2C3",
            amountMinor.ToString(CultureInfo.InvariantCulture), "CNY", "622848******1234", type, feeMinor.ToString(CultureInfo.InvariantCulture));

    public static string Csv(params string[] lines) => Header + "\n" + string.Join("\n", lines) + "\n";

    public Task<HttpResponseMessage> UploadAsync(string csv, HttpClient? client = null, string fileName = "report.csv", string? profile = null) =>
        UploadAsync(_app, Acquirer, Encoding.UTF8.GetBytes(csv), client, fileName, profile);

    public static async Task<HttpResponseMessage> UploadAsync(FleetOpsApp app, string? acquirer, byte[] file, HttpClient? client = null,
        string fileName = "report.csv", string? profile = null)
    {
        using var form = new MultipartFormDataContent();
        if (acquirer is not null) form.Add(new StringContent(acquirer), "acquirer");
        if (profile is not null) form.Add(new StringContent(profile), "profile");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        form.Add(content, "file", fileName);
        using var admin = client is null ? app.CreateAdminClient() : null;
        return await (client ?? admin!).PostAsync("/api/v1/reconciliation/reports", form);
    }

    /// <summary>Imports into another app on the same database (after a restart); expects 201 and returns the body.</summary>
    public static async Task<JsonObject> ImportAgainAsync(FleetOpsApp app, AcquirerShop shop, string csv)
    {
        using var response = await UploadAsync(app, shop.Acquirer, Encoding.UTF8.GetBytes(csv), fileName: "after-restart.csv");
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return await Expect.JsonObjectAsync(response);
    }

    /// <summary>Uploads and expects <paramref name="status"/>; returns the body.</summary>
    public async Task<JsonObject> ImportAsync(string csv, HttpStatusCode status = HttpStatusCode.Created, string fileName = "report.csv")
    {
        using var response = await UploadAsync(csv, fileName: fileName);
        await Expect.StatusAsync(response, status);
        return await Expect.JsonObjectAsync(response);
    }

    /// <summary>The stored credit state of the terminal's sale <paramref name="transactionId"/>.</summary>
    public async Task<SaleCreditRow> CreditAsync(string transactionId)
    {
        await using var db = _app.GetService<FleetDbContextFactory>().CreateDbContext();
        return await db.SaleCredits.AsNoTracking().SingleAsync(c => c.TerminalId == TerminalId && c.TransactionId == transactionId);
    }

    /// <summary>What the stored lines naming the terminal's sales were judged, by booking day.</summary>
    public async Task<List<string>> LineKindsAsync()
    {
        await using var db = _app.GetService<FleetDbContextFactory>().CreateDbContext();
        return await db.SettlementLines.AsNoTracking().Where(l => l.TerminalId == TerminalId).OrderBy(l => l.BookedOn)
            .Select(l => l.Kind).ToListAsync();
    }
}
