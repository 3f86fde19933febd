using System.Net;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Localization;

/// <summary>
/// Issue 10: a CSV export reads in its reader's language — <c>lang=zh-CN|en</c>, else the request's culture — with
/// readable headers and states by their names, while the columns stay the same in both languages.
/// </summary>
public sealed class CsvLanguageTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string ChineseTerminalHeader =
        "终端编号,门店编码,门店名称,型号,序列号,连接状态,最近联系（UTC）,应用版本,固件版本,供电来源,电池电量（%）,供电,窗口内掉电次数,可能原因,软件,最近联系（门店时间）,落后目标版本起始时间（UTC）,目标应用版本";

    private const string EnglishTerminalHeader =
        "Terminal ID,Store code,Store name,Model,Serial number,Connection,Last seen (UTC),App version,Firmware version,Power source,Battery (%),Power,Power losses in window,Likely cause,Software,Last seen (store time),Behind target since (UTC),Target app version";

    [Fact]
    public async Task Terminal_csv_in_Chinese_has_Chinese_headers_and_state_names()
    {
        var store = await app.DefaultStoreAsync();
        var id = Ids.New("T");
        await app.RegisterTerminalAsync(id, store);
        using var admin = app.CreateAdminClient();

        var lines = await LinesAsync(admin, $"/export/terminals.csv?lang=zh-CN&search={id}");

        Assert.Equal(ChineseTerminalHeader, lines[0]);
        var cells = Assert.Single(lines[1..]).Split(',');
        Assert.Equal(id, cells[0]);
        Assert.Equal("未知", cells[5]);
    }

    [Fact]
    public async Task Without_lang_the_request_culture_decides_and_lang_overrides_it()
    {
        using var admin = app.CreateAdminClient();
        admin.DefaultRequestHeaders.Add("Accept-Language", "zh-CN,zh;q=0.9");

        Assert.Equal(ChineseTerminalHeader, (await LinesAsync(admin, "/export/terminals.csv"))[0]);
        Assert.Equal(EnglishTerminalHeader, (await LinesAsync(admin, "/export/terminals.csv?lang=en"))[0]);
    }

    [Theory]
    [InlineData("zh-CN", "终端编号,门店编码,交易编号,金额,币种,卡号（已遮蔽）,授权码,参考号 RRN,批次号,授权时间（UTC）,最后阶段,原因,追款工单,授权时间（门店时间）")]
    [InlineData("en", "Terminal ID,Store code,Transaction ID,Amount,Currency,Card number (masked),Authorisation code,RRN,Batch number,Authorised at (UTC),Last stage,Reason,Case,Authorised at (store time)")]
    public async Task Unsettled_csv_header_follows_lang(string lang, string header)
    {
        using var admin = app.CreateAdminClient();

        Assert.Equal(header, (await LinesAsync(admin, $"/api/v1/transactions/unsettled.csv?lang={lang}"))[0]);
    }

    [Fact]
    public async Task An_unknown_lang_is_a_400_naming_it()
    {
        using var admin = app.CreateAdminClient();

        await Expect.ValidationProblemAsync(await admin.GetAsync("/export/terminals.csv?lang=de"), "lang");
    }

    private static async Task<string[]> LinesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
