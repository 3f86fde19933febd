using System.Globalization;
using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// Issue 11, "one time rule", in the CSV exports: the UTC cells machines and the acquirer read stay as they were, and each
/// row adds the same moment on its own store's clock with the offset; the file is named by the one store's clock, else
/// by the viewer's (<c>tz=</c>), else by the zone the viewer's stores share. On the shared fake clock, so "now" holds still.
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class ExportTimeTests(UnsettledClockApp app)
{
    // None of these zones has daylight saving (any more), so the expected offsets hold on any date the tests run.
    private const string Kolkata = "Asia/Kolkata";

    /// <summary>The terminals CSV's "last seen (store time)" column: the software columns came after it.</summary>
    private const int StoreTimeColumn = 15;
    private const string SaoPaulo = "America/Sao_Paulo";

    private static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);
    private static readonly TimeSpan KolkataOffset = new(5, 30, 0);
    private static readonly TimeSpan SaoPauloOffset = TimeSpan.FromHours(-3);

    [Fact]
    public async Task Unsettled_rows_keep_their_utc_cell_and_add_their_own_stores_time_with_its_offset()
    {
        var (shanghai, kolkata) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S"), Kolkata));
        var now = app.Now();
        await (await Till.OpenAsync(app, shanghai)).SendSaleInAsync("not_settled", "000501-0001", now);
        await (await Till.OpenAsync(app, kolkata)).SendSaleInAsync("not_settled", "000502-0001", now);
        using var admin = app.CreateAdminClient();

        var (lines, _) = await CsvAsync(admin, $"{UnsettledList.Path}.csv?store={shanghai},{kolkata}");

        var rows = lines[1..].ToDictionary(cells => cells[1]);
        var authorized = now.AddHours(-30);
        Assert.Equal("Authorised at (store time)", lines[0][^1]);
        Assert.Equal([Utc(authorized), Local(authorized, ShanghaiOffset)], [rows[shanghai][9], rows[shanghai][^1]]);
        Assert.Equal([Utc(authorized), Local(authorized, KolkataOffset)], [rows[kolkata][9], rows[kolkata][^1]]);
    }

    [Fact]
    public async Task Terminal_rows_give_last_contact_in_utc_and_on_their_own_stores_clock()
    {
        var (shanghai, kolkata) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S"), Kolkata));
        var now = app.Clock!.GetUtcNow();
        var inShanghai = await HeardFromAsync(shanghai, now);
        var inKolkata = await HeardFromAsync(kolkata, now);
        using var admin = app.CreateAdminClient();

        var (lines, _) = await CsvAsync(admin, $"/export/terminals.csv?store={shanghai},{kolkata}");

        var rows = lines[1..].ToDictionary(cells => cells[0]);
        Assert.Equal("Last seen (store time)", lines[0][StoreTimeColumn]);
        Assert.Equal([Utc(now), Local(now, ShanghaiOffset)], [rows[inShanghai][6], rows[inShanghai][StoreTimeColumn]]);
        Assert.Equal([Utc(now), Local(now, KolkataOffset)], [rows[inKolkata][6], rows[inKolkata][StoreTimeColumn]]);
    }

    [Fact]
    public async Task A_file_of_one_store_is_named_by_its_clock_and_a_file_of_several_by_the_viewers_tz()
    {
        var (shanghai, kolkata) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S"), Kolkata));
        var now = app.Clock!.GetUtcNow();
        var terminal = await HeardFromAsync(shanghai, now);
        await HeardFromAsync(kolkata, now);
        using var admin = app.CreateAdminClient();

        // One store, by the filter or because every row is that store's: the store's clock, whatever the viewer's.
        Assert.Equal(Name("terminals", now, ShanghaiOffset), (await CsvAsync(admin, $"/export/terminals.csv?search={terminal}&tz={SaoPaulo}")).FileName);
        Assert.Equal(Name("terminals", now, KolkataOffset), (await CsvAsync(admin, $"/export/terminals.csv?store={kolkata}&tz={SaoPaulo}")).FileName);
        Assert.Equal(Name("unsettled", now, KolkataOffset), (await CsvAsync(admin, $"{UnsettledList.Path}.csv?store={kolkata}&tz={SaoPaulo}")).FileName);
        // Several stores: the viewer's own zone, as their page sends it.
        Assert.Equal(Name("terminals", now, SaoPauloOffset), (await CsvAsync(admin, $"/export/terminals.csv?store={shanghai},{kolkata}&tz={SaoPaulo}")).FileName);
        Assert.Equal(Name("unsettled", now, SaoPauloOffset), (await CsvAsync(admin, $"{UnsettledList.Path}.csv?store={shanghai},{kolkata}&tz={SaoPaulo}")).FileName);
    }

    [Fact]
    public async Task Without_tz_a_file_of_several_stores_is_named_by_the_zone_the_viewers_stores_share()
    {
        var (first, second) = (await app.CreateStoreAsync(Ids.New("S"), Kolkata), await app.CreateStoreAsync(Ids.New("S"), Kolkata));
        var now = app.Clock!.GetUtcNow();
        await HeardFromAsync(first, now);
        await HeardFromAsync(second, now);
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [first, second]);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        Assert.Equal(Name("terminals", now, KolkataOffset), (await CsvAsync(client, "/export/terminals.csv")).FileName);
        Assert.Equal(Name("unsettled", now, KolkataOffset), (await CsvAsync(client, $"{UnsettledList.Path}.csv")).FileName);
    }

    [Theory]
    [InlineData("/export/terminals.csv?tz=Mars/Olympus_Mons")]
    [InlineData("/api/v1/transactions/unsettled.csv?tz=China%20Standard%20Time")]
    public async Task A_tz_that_is_not_an_IANA_zone_is_a_400_naming_tz(string url)
    {
        using var admin = app.CreateAdminClient();

        var problem = await Expect.ValidationProblemAsync(await admin.GetAsync(url), "tz");

        Assert.Equal("'tz' must be an IANA time zone id such as Asia/Shanghai.", Expect.Wire(problem["errors"]!["tz"]![0]));
    }

    [Fact]
    public async Task A_browsers_old_name_for_a_zone_is_accepted()
    {
        // Chromium names India's zone Asia/Calcutta (ICU's name); refusing it would break the pages' CSV buttons there.
        using var admin = app.CreateAdminClient();

        var (_, fileName) = await CsvAsync(admin, "/export/terminals.csv?tz=Asia/Calcutta&store=none-such");

        Assert.Equal(Name("terminals", app.Clock!.GetUtcNow(), KolkataOffset), fileName);
    }

    [Fact]
    public async Task In_Chinese_the_store_time_columns_say_so()
    {
        using var admin = app.CreateAdminClient();

        Assert.Equal("最近联系（门店时间）", (await CsvAsync(admin, "/export/terminals.csv?lang=zh-CN")).Lines[0][StoreTimeColumn]);
        Assert.Equal("授权时间（门店时间）", (await CsvAsync(admin, $"{UnsettledList.Path}.csv?lang=zh-CN")).Lines[0][^1]);
    }

    /// <summary>A new terminal of <paramref name="store"/> that has just sent a heartbeat (heard at <paramref name="now"/>).</summary>
    private async Task<string> HeardFromAsync(string store, DateTimeOffset now)
    {
        var (terminal, key) = await app.NewTerminalAsync(store);
        await app.PostAcceptedAsync(key, terminal, Heartbeat($"{terminal}:hb", now));
        return terminal;
    }

    private static async Task<(string[][] Lines, string? FileName)> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToArray();
        return (lines, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (offset < TimeSpan.Zero ? " -" : " +") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static string Name(string prefix, DateTimeOffset now, TimeSpan offset) =>
        $"{prefix}-{now.ToOffset(offset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
}
