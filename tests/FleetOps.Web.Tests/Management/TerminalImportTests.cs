using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using MiniExcelLibs;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Management;

/// <summary>POST /api/v1/imports/terminals: bulk onboarding from a CSV or XLSX file, all or nothing.</summary>
public sealed class TerminalImportTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string Header = "storeCode,storeName,region,timeZone,terminalId,serialNumber,model";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Good_csv_creates_stores_and_terminals_whose_keys_work_for_telemetry()
    {
        var (s1, s2) = (Ids.New("S"), Ids.New("S"));
        var (t1, t2, t3) = (Ids.New("T"), Ids.New("T"), Ids.New("T"));
        var csv = $"""
            {Header}
            {s1},Xuhui,East,Asia/Shanghai,{t1},SN-1,A920
            {s1},,,,{t2},,A920
            {s2},Tianhe,South,Asia/Shanghai,{t3},SN-3,S920
            """;

        using var response = await PostAsync(app.CreateAdminClient(), csv, "text/csv");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("2", response.Headers.GetValues("X-Imported-Stores").Single());
        Assert.Equal("3", response.Headers.GetValues("X-Imported-Terminals").Single());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var keys = Keys(await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { t1, t2, t3 }.Order(), keys.Keys.Order());
        Assert.Equal(s2, Expect.Wire((await app.GetTerminalAsync(t3))["storeCode"]));
        var listed = await app.ListTerminalsAsync($"store={s1}");
        Assert.Equal(2, listed["total"]!.GetValue<int>());
        await app.PostAcceptedAsync(keys[t2], t2, Heartbeat("e-1", DateTimeOffset.UtcNow));
        Assert.Equal("online", Expect.Wire((await app.GetTerminalAsync(t2))["connectivity"]));
        var audit = await app.AuditAsync(AuditActions.TerminalsImported);
        Assert.Contains(audit, a => a.Details!.StartsWith("2 stores and 3 terminals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task File_with_bad_rows_imports_nothing_and_lists_every_bad_row()
    {
        var (good, bad) = (Ids.New("S"), Ids.New("S"));
        var (goodTerminal, other) = (Ids.New("T"), Ids.New("T"));
        var csv = $"""
            {Header}
            {good},Xuhui,East,Asia/Shanghai,{goodTerminal},SN-1,A920
            {bad},Nowhere,East,Mars/Olympus,{Ids.New("T")},SN-2,A920
            {good},,,,{other},{CardNumber()},A920
            {good},,,,{Ids.New("T")},SN-4,=1+2
            {good.ToLowerInvariant()},,,,{Ids.New("T")},SN-5,A920
            """;

        using var response = await PostAsync(app.CreateAdminClient(), csv, "text/csv");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(4, problem["errorCount"]!.GetValue<int>());
        var errors = problem["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Column: Expect.Wire(e["column"]))).ToList();
        Assert.Equal([(3, "timeZone"), (4, "serialNumber"), (5, "model"), (6, "storeCode")], errors);
        Assert.DoesNotContain("622848", problem.ToJsonString(), StringComparison.Ordinal);
        using var client = app.CreateAdminClient();
        using var lookup = await client.GetAsync($"/api/v1/terminals/{goodTerminal}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        var stores = await (await client.GetAsync("/api/v1/stores")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(good, stores, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Terminal_id_twice_in_the_file_or_already_registered_is_a_row_error()
    {
        var store = Ids.New("S");
        var (registered, _) = await app.NewTerminalAsync();
        var twice = Ids.New("T");
        var csv = $"""
            {Header}
            {store},Xuhui,East,Asia/Shanghai,{twice},SN-1,A920
            {store},,,,{twice.ToUpperInvariant()},SN-2,A920
            """;
        using var duplicate = await PostAsync(app.CreateAdminClient(), csv, "text/csv");
        var problem = await Expect.ProblemAsync(duplicate, HttpStatusCode.BadRequest);
        Assert.Equal(3, problem["errors"]![0]!["row"]!.GetValue<int>());
        Assert.Contains("row 2", Expect.Wire(problem["errors"]![0]!["error"]), StringComparison.Ordinal);

        using var taken = await PostAsync(app.CreateAdminClient(), $"{Header}\n{store},Xuhui,East,Asia/Shanghai,{registered.ToLowerInvariant()},SN-1,A920\n", "text/csv");
        problem = await Expect.ProblemAsync(taken, HttpStatusCode.BadRequest);
        Assert.Equal((2, "terminalId"), (problem["errors"]![0]!["row"]!.GetValue<int>(), Expect.Wire(problem["errors"]![0]!["column"])));
        Assert.Empty((await app.ListTerminalsAsync($"store={store}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task One_answer_lists_a_registered_terminal_and_a_contradiction_even_under_a_refused_store_row()
    {
        var (registered, _) = await app.NewTerminalAsync();
        var (store, other) = (Ids.New("S"), Ids.New("S"));
        var csv = $"""
            {Header}
            {store},Imp,East,Bad/Zone,{Ids.New("T")},SN-1,A920
            {store},,,,{registered.ToLowerInvariant()},SN-2,A920
            {store},Other name,,,{Ids.New("T")},SN-3,A920
            {other},Fine,East,Asia/Shanghai,{registered},SN-4,A920
            """;

        using var response = await PostAsync(app.CreateAdminClient(), csv, "text/csv");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Column: Expect.Wire(e["column"]))).ToList();
        Assert.Equal([(2, "timeZone"), (3, "terminalId"), (4, "storeName"), (5, "terminalId"), (5, "terminalId")], errors);
        Assert.Equal($"A terminal '{registered.ToLowerInvariant()}' is registered already (ids are case-insensitive).", Expect.Wire(problem["errors"]![1]!["error"]));
        Assert.Empty((await app.ListTerminalsAsync($"store={other}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_row_with_more_values_than_the_header_is_a_row_error_and_an_empty_cell_names_its_column()
    {
        var (store, terminal) = (Ids.New("S"), Ids.New("T"));
        var csv = $"""
            {Header}
            {store},Xuhui,East,Asia/Shanghai,{terminal},SN-1,A920,extra
            {Ids.New("S")},,East,Asia/Shanghai,{Ids.New("T")},SN-2,A920,,
            """;

        using var response = await PostAsync(app.CreateAdminClient(), csv, "text/csv");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Column: e["column"]?.GetValue<string>(),
            Error: Expect.Wire(e["error"]))).ToList();
        Assert.Equal([(2, null, "Row 2 has 1 more value than the header row has columns; a value holding a comma must be in double quotes."),
            (3, "storeName", "'storeName' is required.")], errors);
        using var client = app.CreateAdminClient();
        using var lookup = await client.GetAsync($"/api/v1/terminals/{terminal}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Missing_required_column_is_one_clear_error()
    {
        using var response = await PostAsync(app.CreateAdminClient(), "STORECODE,storeName,region,timeZone,terminalId\nS-1,a,b,Asia/Shanghai,T-1\n", "text/csv");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(1, problem["errorCount"]!.GetValue<int>());
        Assert.Contains("model", Expect.Wire(problem["errors"]![0]!["error"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_over_10_MB_is_413()
    {
        var row = $"S-1,Xuhui,East,Asia/Shanghai,T-1,SN-1,A920\n";
        var csv = Header + "\n" + string.Concat(Enumerable.Repeat(row, 10 * 1024 * 1024 / row.Length + 1));

        using var response = await PostAsync(app.CreateAdminClient(), csv, "text/csv");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10 MB", Expect.Wire(problem["detail"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_xlsx_file_in_a_multipart_form_is_imported()
    {
        var store = Ids.New("S");
        var terminal = Ids.New("T");
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["StoreCode"] = store, ["storeName"] = "Xuhui", ["region"] = "East", ["timeZone"] = "Asia/Shanghai",
                ["terminalId"] = terminal, ["serialNumber"] = 12345, ["model"] = "A920" },
        });
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", "terminals.xlsx");
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsync("/api/v1/imports/terminals", form);

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal([terminal], Keys(await response.Content.ReadAsStringAsync()).Keys);
        Assert.Equal(store, Expect.Wire((await app.GetTerminalAsync(terminal))["storeCode"]));
    }

    [Fact]
    public async Task Non_administrator_is_403_and_nothing_is_imported()
    {
        var user = await app.CreateUserAsync(Roles.RegionalManager, regions: ["East"]);
        var (_, token) = await app.CreateApiTokenAsync(user);
        var terminal = Ids.New("T");

        using var response = await PostAsync(app.CreateTokenClient(token), $"{Header}\n{Ids.New("S")},Xuhui,East,Asia/Shanghai,{terminal},SN-1,A920\n", "text/csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var client = app.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/terminals/{terminal}")).StatusCode);
    }

    [Fact]
    public async Task Other_content_types_are_415_and_bad_encoding_is_reported_by_line()
    {
        using var pdf = await PostAsync(app.CreateAdminClient(), "%PDF-1.7", "application/pdf");
        await Expect.ProblemAsync(pdf, HttpStatusCode.UnsupportedMediaType);

        var latin1 = Encoding.Latin1.GetBytes($"{Header}\n{Ids.New("S")},Zürich,West,Europe/Zurich,{Ids.New("T")},SN-1,A920\n");
        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var client = app.CreateAdminClient();
        using var response = await client.PostAsync("/api/v1/imports/terminals", content);
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(2, problem["errors"]![0]!["row"]!.GetValue<int>());
    }

    [Fact]
    public async Task Template_imports_as_it_is_and_the_import_is_described_in_the_OpenAPI_document()
    {
        using var client = app.CreateAdminClient();
        var template = await client.GetStringAsync("/api/v1/imports/terminals/template.csv");
        Assert.StartsWith(Header + ",acquirer,merchantId,acquirerTerminalId\n", template.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/imports/terminals", openApi, StringComparison.Ordinal);
        Assert.Contains("X-Imported-Terminals", openApi, StringComparison.Ordinal);

        using var response = await PostAsync(app.CreateAdminClient(), template.Replace("SH-001", Ids.New("S")).Replace("T-0001", Ids.New("T")), "text/csv");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType)
    {
        using (client)
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return await client.PostAsync("/api/v1/imports/terminals", content);
        }
    }

    private static Dictionary<string, string> Keys(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("terminalId,key", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
    }
}
