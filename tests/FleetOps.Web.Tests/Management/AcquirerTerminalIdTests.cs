using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Web.Fleet;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// An acquirer terminal id is unique per acquirer among terminals in service (docs/design/decisions.md): reconciliation
/// tells the acquirer's terminals apart by it, so every door refuses a second terminal with it and stores nothing.
/// Each test has an acquirer of its own, so the incident's id "88000001" can be used throughout.
/// </summary>
public sealed class AcquirerTerminalIdTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string Taken = "88000001";

    private static string NewAcquirer() => Ids.New("acq");

    private async Task<string> StoreAsync(string? acquirer)
    {
        var code = Ids.New("S");
        using var client = app.CreateAdminClient();
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/stores",
            new { code, name = $"Store {code}", region = "East", timeZone = "Asia/Shanghai", acquirer }), HttpStatusCode.Created);
        return code;
    }

    private async Task<HttpResponseMessage> RegisterAsync(string terminalId, string store, string? acquirerTerminalId)
    {
        using var client = app.CreateAdminClient();
        return await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId, storeCode = store, model = "A920", acquirerTerminalId });
    }

    /// <summary>A terminal in <paramref name="store"/> holding <paramref name="acquirerTerminalId"/>; returns its id.</summary>
    private async Task<string> HolderAsync(string store, string acquirerTerminalId = Taken)
    {
        var terminal = Ids.New("T");
        await Expect.StatusAsync(await RegisterAsync(terminal, store, acquirerTerminalId), HttpStatusCode.Created);
        return terminal;
    }

    /// <summary>The 409 names the field and the terminal that holds the id; returns its detail.</summary>
    private static async Task<string> ExpectTakenAsync(HttpResponseMessage response, string holder)
    {
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
        var detail = Expect.Wire(problem["detail"]);
        Assert.Contains($"'acquirerTerminalId' '{Taken}'", detail, StringComparison.Ordinal);
        Assert.Contains($"terminal '{holder}'", detail, StringComparison.Ordinal);
        return detail;
    }

    [Fact]
    public async Task A_second_terminal_of_the_same_acquirer_with_the_id_is_a_409_naming_the_holder_and_is_not_registered()
    {
        var acquirer = NewAcquirer();
        var holder = await HolderAsync(await StoreAsync(acquirer));
        var auditor = Ids.New("T");

        using var response = await RegisterAsync(auditor, await StoreAsync(acquirer), $" {Taken} ");

        await ExpectTakenAsync(response, holder);
        Assert.Null(app.GetService<FleetState>().Get(auditor));
    }

    [Fact]
    public async Task The_id_may_recur_under_another_acquirer_or_in_stores_without_one_and_is_compared_exactly()
    {
        var acquirer = NewAcquirer();
        await HolderAsync(await StoreAsync(acquirer), "TID-A1");
        var noAcquirer = await StoreAsync(null);
        await HolderAsync(noAcquirer, "TID-A1");

        await Expect.StatusAsync(await RegisterAsync(Ids.New("T"), await StoreAsync(NewAcquirer()), "TID-A1"), HttpStatusCode.Created);
        await Expect.StatusAsync(await RegisterAsync(Ids.New("T"), noAcquirer, "TID-A1"), HttpStatusCode.Created);
        // Reports name terminals exactly as the acquirer wrote them: "tid-a1" is another terminal to reconciliation.
        await Expect.StatusAsync(await RegisterAsync(Ids.New("T"), await StoreAsync(acquirer), "tid-a1"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_decommissioned_terminal_frees_its_id_for_another_terminal()
    {
        var acquirer = NewAcquirer();
        var old = await HolderAsync(await StoreAsync(acquirer));
        Assert.True(await app.GetService<FleetRegistry>().DecommissionAsync(old));

        var replacement = await HolderAsync(await StoreAsync(acquirer));

        Assert.Equal(Taken, Expect.Wire((await app.GetTerminalAsync(replacement))["acquirerTerminalId"]));
    }

    [Fact]
    public async Task Changing_a_terminals_id_to_a_taken_one_is_a_409_and_changes_nothing_while_keeping_its_own_id_is_fine()
    {
        var acquirer = NewAcquirer();
        var store = await StoreAsync(acquirer);
        var holder = await HolderAsync(store);
        var other = await HolderAsync(store, "88000002");
        using var client = app.CreateAdminClient();

        using var refused = await client.PutAsJsonAsync($"/api/v1/terminals/{other}", new { storeCode = store, model = "S920", acquirerTerminalId = Taken });

        await ExpectTakenAsync(refused, holder);
        var kept = app.GetService<FleetState>().Get(other)!.Registration;
        Assert.Equal(("88000002", "A920"), (kept.AcquirerTerminalId, kept.Model));
        await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/terminals/{holder}", new { storeCode = store, model = "S920" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Moving_a_terminal_into_a_store_whose_acquirer_knows_its_id_is_a_409_and_it_stays()
    {
        var acquirer = NewAcquirer();
        var holder = await HolderAsync(await StoreAsync(acquirer));
        var elsewhere = await StoreAsync(NewAcquirer());
        var moving = await HolderAsync(elsewhere);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/terminals/{moving}", new { storeCode = await StoreAsync(acquirer), model = "A920" });

        await ExpectTakenAsync(response, holder);
        Assert.Equal(elsewhere, app.GetService<FleetState>().Get(moving)!.StoreCode);
    }

    [Fact]
    public async Task Giving_a_store_an_acquirer_that_knows_one_of_its_terminals_ids_is_a_409_and_the_store_keeps_its_acquirer()
    {
        var acquirer = NewAcquirer();
        var holder = await HolderAsync(await StoreAsync(acquirer));
        var store = await StoreAsync(null);
        var terminal = await HolderAsync(store);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/stores/{store}", new { name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", acquirer });

        Assert.Contains($"Terminal '{terminal}' of this store", await ExpectTakenAsync(response, holder), StringComparison.Ordinal);
        Assert.Equal(new StoreInfo(store, $"Store {store}", "East", "Asia/Shanghai"), app.GetService<StoreDirectory>().Get(store));
    }

    [Fact]
    public async Task Two_terminals_of_a_store_without_acquirer_sharing_an_id_keep_it_from_getting_one()
    {
        var store = await StoreAsync(null);
        var first = await HolderAsync(store);
        await HolderAsync(store);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/stores/{store}",
            new { name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", acquirer = NewAcquirer() });

        await ExpectTakenAsync(response, first);
        Assert.Null(app.GetService<StoreDirectory>().Get(store)!.Acquirer);
    }

    [Fact]
    public async Task An_import_clashing_with_a_terminal_or_between_its_rows_lists_each_row_and_imports_nothing()
    {
        var acquirer = NewAcquirer();
        var holder = await HolderAsync(await StoreAsync(acquirer));
        var (newStore, t1, t2, t3) = (Ids.New("S"), Ids.New("T"), Ids.New("T"), Ids.New("T"));

        using var response = await ImportAsync($"""
            storeCode,storeName,region,timeZone,terminalId,model,acquirer,acquirerTerminalId
            {newStore},Tianhe,South,Asia/Shanghai,{t1},A920,{acquirer},{Taken}
            {newStore},,,,{t2},A920,,88000002
            {newStore},,,,{t3},A920,,88000002
            """);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Column: Expect.Wire(e["column"]), Error: Expect.Wire(e["error"]))).ToList();
        Assert.Equal([(4, "acquirerTerminalId", $"'acquirerTerminalId' '88000002' is also on row 3 under the same acquirer '{acquirer}'.")], errors);
        Assert.Null(app.GetService<StoreDirectory>().Get(newStore));

        // The file's own clash put right, the one with the registered terminal is what is left.
        using var again = await ImportAsync($"""
            storeCode,storeName,region,timeZone,terminalId,model,acquirer,acquirerTerminalId
            {newStore},Tianhe,South,Asia/Shanghai,{t1},A920,{acquirer},{Taken}
            {newStore},,,,{t2},A920,,88000002
            """);

        var clash = Assert.Single((await Expect.ProblemAsync(again, HttpStatusCode.BadRequest))["errors"]!.AsArray())!;
        Assert.Equal((2, "acquirerTerminalId"), (clash["row"]!.GetValue<int>(), Expect.Wire(clash["column"])));
        Assert.Contains($"terminal '{holder}'", Expect.Wire(clash["error"]), StringComparison.Ordinal);
        Assert.Null(app.GetService<FleetState>().Get(t2));
        Assert.Null(app.GetService<StoreDirectory>().Get(newStore));
    }

    private async Task<HttpResponseMessage> ImportAsync(string csv)
    {
        using var client = app.CreateAdminClient();
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync("/api/v1/imports/terminals", content);
    }
}
