using System.Net;
using System.Net.Http.Json;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// Saved column-mapping profiles over HTTP (issue 16): a profile that leaves required columns out is refused naming
/// them, a saved one reads the acquirer's own file, the generic format is built in, and only administrators keep them.
/// </summary>
public sealed class ReportProfilesApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string Path = "/api/v1/reconciliation/profiles";

    private static object Lakala(string acquirer = "lakala") => new
    {
        acquirer,
        columns = new Dictionary<string, string?>
        {
            ["date"] = "清算日期", ["terminal_id"] = "终端号", ["rrn"] = "参考号", ["amount_minor"] = "交易金额", ["currency"] = "币种",
            ["type"] = "交易类型", ["fee_minor"] = "手续费",
        },
        dateFormat = "yyyyMMdd",
        amountsInMajorUnits = true,
        typeWords = new Dictionary<string, string> { ["消费"] = "sale", ["退货"] = "refund" },
    };

    private static string Name() => Ids.New("lk").ToLowerInvariant();

    /// <summary>A profile belongs to an acquirer that credits some store.</summary>
    private async Task<HttpClient> AdminWithLakalaStoreAsync()
    {
        var admin = app.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/v1/stores", new
        {
            code = Ids.New("S"), name = "Lakala store", region = "East", timeZone = "Asia/Shanghai", acquirer = "lakala", merchantId = "822100050000001",
        });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return admin;
    }

    [Fact]
    public async Task A_profile_without_every_required_column_is_refused_naming_them_and_nothing_is_saved()
    {
        using var admin = app.CreateAdminClient();
        var name = Name();

        using var response = await admin.PutAsJsonAsync($"{Path}/{name}", new { acquirer = "lakala", columns = new { date = "清算日期", type = "交易类型" } });

        var problem = Expect.Wire((await Expect.ValidationProblemAsync(response, "columns"))["errors"]!["columns"]![0]);
        Assert.Contains("rrn", problem);
        Assert.Contains("amount_minor", problem);
        Assert.Contains("currency", problem);
        Assert.Contains("terminal_id/merchant_id", problem);
        Assert.DoesNotContain("date", problem.Split(':')[1]);
        await Expect.StatusAsync(await admin.GetAsync($"{Path}/{name}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("dateFormat", "MM-dd")]
    [InlineData("typeWords.作废", "void")]
    [InlineData("columns.account", "账户")]
    public async Task A_bad_field_is_named(string field, string value)
    {
        using var admin = await AdminWithLakalaStoreAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Lakala()))!.AsObject();
        var parts = field.Split('.');
        if (parts.Length == 1) body[field] = value;
        else body[parts[0]]![parts[1]] = value;

        using var response = await admin.PutAsJsonAsync($"{Path}/{Name()}", body);

        await Expect.ValidationProblemAsync(response, field);
    }

    public static TheoryData<string, string, string> CardNumbers() => new()
    {
        // what is changed ("name": the profile's name in the path), its value, the field the refusal names
        { "name", "4111111111111111", "name" },
        { "dateFormat", "yyyyMMdd 4111111111111111", "dateFormat" },
        { "columns.4111111111111111", "x", "columns" },
        { "typeWords.4111 1111 1111 1111", "sale", "typeWords" },
        { "acquirer", "4111111111111111", "acquirer" },
    };

    [Theory]
    [MemberData(nameof(CardNumbers))]
    public async Task A_card_number_anywhere_in_a_profile_is_refused_naming_the_field_never_quoting_it_and_nothing_is_saved(string changed, string value,
        string field)
    {
        using var admin = await AdminWithLakalaStoreAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Lakala()))!.AsObject();
        var name = changed == "name" ? value : Name();
        var parts = changed.Split('.');
        if (parts.Length == 2) body[parts[0]]![parts[1]] = value;
        else if (changed != "name") body[changed] = value;

        using var response = await admin.PutAsJsonAsync($"{Path}/{Uri.EscapeDataString(name)}", body);

        var problem = await Expect.ValidationProblemAsync(response, field);
        Assert.DoesNotContain("1111", problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
        using var list = await admin.GetAsync(Path);
        var saved = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("4111", saved, StringComparison.Ordinal);
        Assert.DoesNotContain(name, saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_profile_is_listed_under_its_acquirer_and_reads_the_acquirers_own_file()
    {
        using var admin = await AdminWithLakalaStoreAsync();
        var name = Name();

        using var saved = await admin.PutAsJsonAsync($"{Path}/{name}", Lakala());

        await Expect.StatusAsync(saved, HttpStatusCode.OK);
        var listed = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync($"{Path}?acquirer=lakala"))!.AsArray();
        Assert.Equal(["generic", name], listed.Select(p => Expect.Wire(p!["name"])).Where(n => n == "generic" || n == name));
        var profile = await app.Services.GetRequiredService<ReportProfiles>().FindAsync(name, CancellationToken.None);
        var header = new[] { "清算日期", "终端号", "参考号", "交易金额", "币种", "交易类型", "手续费" };
        var check = HeaderCheck.Of(header, profile!.Layout);
        Assert.True(check.Ok);
        var row = new ReportRowReader(profile.Layout, check).Read(2, ["20261128", "88000001", "611234567890", "12.80", "CNY", "消费", "0.08"]);
        Assert.Equal((new DateOnly(2026, 11, 28), 1280L, SettlementItemType.Sale, 8L),
            (row.Item!.BookedOn, row.Item.AmountMinor, row.Item.Type, row.Item.FeeMinor));
    }

    [Theory]
    [InlineData("Lakala-Daily")]
    [InlineData("QA5")]
    public async Task A_name_in_capitals_is_refused_naming_the_field_as_the_upload_refuses_an_acquirer_in_capitals_and_nothing_is_saved(string name)
    {
        using var admin = await AdminWithLakalaStoreAsync();

        using var response = await admin.PutAsJsonAsync($"{Path}/{name}", Lakala());

        var problem = await Expect.ValidationProblemAsync(response, "name");
        Assert.Equal("A profile name is lower-case letters, digits, '-' and '_', at most 32 characters.", Expect.Wire(problem["errors"]!["name"]![0]));
        await Expect.StatusAsync(await admin.GetAsync($"{Path}/{name.ToLowerInvariant()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_acquirer_that_credits_no_store_is_refused()
    {
        using var admin = app.CreateAdminClient();

        await Expect.ValidationProblemAsync(await admin.PutAsJsonAsync($"{Path}/{Name()}", Lakala("no-such-bank")), "acquirer");
    }

    [Fact]
    public async Task The_generic_format_is_built_in_and_cannot_be_saved()
    {
        using var admin = app.CreateAdminClient();

        var generic = await Expect.JsonObjectAsync(await admin.GetAsync($"{Path}/generic"));
        Assert.True(generic["builtIn"]!.GetValue<bool>());
        Assert.Equal("amountMinor", Expect.Wire(generic["columns"]!["amount_minor"]));

        await Expect.ValidationProblemAsync(await admin.PutAsJsonAsync($"{Path}/generic", Lakala()), "name");
    }

    [Fact]
    public async Task Only_administrators_keep_profiles()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        await Expect.StatusAsync(await client.GetAsync(Path), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await client.PutAsJsonAsync($"{Path}/{Name()}", Lakala()), HttpStatusCode.Forbidden);
    }
}
