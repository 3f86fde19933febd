using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Fleet;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>The import page: upload a file, see every problem or get the keys file once.</summary>
public sealed class ImportTerminalsTests : FleetComponentTest
{
    private const string Header = "storeCode,storeName,region,timeZone,terminalId,serialNumber,model";

    public ImportTerminalsTests()
    {
        Services.AddSingleton<TerminalKeys>();
        Services.AddSingleton<FleetRegistry>();
        Services.AddSingleton<OnboardingImport>();
    }

    [Fact]
    public void A_file_with_bad_rows_shows_each_problem_with_its_row_and_imports_nothing()
    {
        var cut = RenderReady();

        Upload(cut, $"{Header}\nS-1,Xuhui,East,Asia/Shanghai,T-1,SN-1,A920\nS-2,Nowhere,East,Mars/Olympus,T-2,SN-2,A920\nS-1,,,,T-1,SN-3,A920\n", "terminals.csv");

        cut.WaitForAssertion(() => Assert.Contains("2 problems found", cut.Find("[data-testid=import-failed]").TextContent));
        var rows = cut.FindAll("[data-testid=import-error]").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["3", "timeZone"], rows[0][..2]);
        Assert.Equal(["4", "terminalId"], rows[1][..2]);
        Assert.Null(Fleet.Get("T-1"));
        Assert.Null(Stores.Get("S-1"));
        Assert.Empty(cut.FindAll("[data-testid=download-keys]"));
    }

    [Fact]
    public void A_good_file_adds_the_terminals_and_offers_the_keys_file_once()
    {
        var cut = RenderReady();

        Upload(cut, $"{Header}\nS-1,Xuhui,East,Asia/Shanghai,T-1,SN-1,A920\nS-1,,,,T-2,,A920\n", "terminals.csv");

        cut.WaitForAssertion(() => Assert.Contains("1 new store and 2 terminals", cut.Find("[data-testid=import-done]").TextContent));
        Assert.Contains("shown only now", cut.Find("[data-testid=keys-warning]").TextContent);
        Assert.Equal("S-1", Fleet.Get("T-2")?.StoreCode);

        cut.Find("[data-testid=download-keys]").Click();

        var download = Context.JSInterop.VerifyInvoke("fleetOps.downloadFile");
        Assert.Equal("terminal-keys-2.csv", download.Arguments[0]);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=download-keys]")));
        Assert.NotNull(cut.Find("[data-testid=keys-gone]"));
    }

    [Fact]
    public void The_same_file_chosen_again_after_fixing_it_is_imported_again()
    {
        var cut = RenderReady();

        Upload(cut, $"{Header}\nS-1,Xuhui,East,Mars/Olympus,T-1,SN-1,A920\n", "fixme.csv");
        cut.WaitForAssertion(() => Assert.Contains("1 problem found", cut.Find("[data-testid=import-failed]").TextContent));
        // The browser raises no change for the file its input holds already: the page must have emptied the input.
        Context.JSInterop.VerifyInvoke("mudInput.resetValue", calledTimes: 1);

        Upload(cut, $"{Header}\nS-1,Xuhui,East,Asia/Shanghai,T-1,SN-1,A920\n", "fixme.csv");

        cut.WaitForAssertion(() => Assert.Contains("1 new store and 1 terminal", cut.Find("[data-testid=import-done]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=import-failed]"));
        Assert.Equal("S-1", Fleet.Get("T-1")?.StoreCode);
        Context.JSInterop.VerifyInvoke("mudInput.resetValue", calledTimes: 2);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_explained_in_chinese()
    {
        UseLanguage(Languages.Chinese);
        var cut = RenderReady();

        Upload(cut, "storeCode,storeName,region,timeZone,terminalId,serialNumber\nS-1,Xuhui,East,Asia/Shanghai,T-1,SN-1\n", "wronghdr.csv");

        cut.WaitForAssertion(() => Assert.Contains("发现 1 个问题", cut.Find("[data-testid=import-failed]").TextContent));
        Assert.StartsWith("表头缺少必需的列 model（列名不区分大小写", cut.Find("[data-testid=import-error] td:last-child").TextContent.Trim());
    }

    [Fact]
    public void A_row_with_an_extra_value_or_an_empty_store_name_is_reported_in_chinese_and_nothing_is_imported()
    {
        UseLanguage(Languages.Chinese);
        var cut = RenderReady();

        Upload(cut, $"{Header}\nS-1,Xuhui,East,Asia/Shanghai,T-1,SN-1,A920\nS-2,,East,Asia/Shanghai,T-2,SN-2,A920\nS-1,,,,T-3,SN-3,A920,extra\n", "bad.csv");

        cut.WaitForAssertion(() => Assert.Contains("发现 2 个问题", cut.Find("[data-testid=import-failed]").TextContent));
        var rows = cut.FindAll("[data-testid=import-error]").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["3", "storeName", "请填写“storeName”。"], rows[0]);
        Assert.Equal(["4", "", "第 4 行比表头多 1 个值；含有逗号的值须用英文双引号括起来。"], rows[1]);
        Assert.Null(Fleet.Get("T-1"));
    }

    [Fact]
    public void A_good_file_is_reported_in_chinese_with_spaces_around_the_counts()
    {
        UseLanguage(Languages.Chinese);
        var cut = RenderReady();

        Upload(cut, $"{Header}\nS-1,Xuhui,East,Asia/Shanghai,T-1,SN-1,A920\nS-1,,,,T-2,,A920\n", "terminals.csv");

        cut.WaitForAssertion(() => Assert.Contains("已导入 1 家新门店和 2 台终端。", cut.Find("[data-testid=import-done]").TextContent));
    }

    [Fact]
    public void A_file_of_another_type_is_refused_with_a_clear_message()
    {
        var cut = RenderReady();

        Upload(cut, "not a spreadsheet", "terminals.pdf");

        cut.WaitForAssertion(() => Assert.Contains("Choose a .csv or .xlsx file.", cut.Find("[data-testid=import-errors]").TextContent));
    }

    [Fact]
    public void A_store_manager_sees_the_not_found_panel()
    {
        AddStore("S-1");
        SignInAsStoreManager("S-1");

        var cut = Render<ImportTerminals>();

        cut.WaitForAssertion(() => Assert.Contains("No such page here.", cut.Find("[data-testid=not-found]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=choose-file]"));
    }

    /// <summary>The page once it offers the file picker (the role check has answered).</summary>
    private IRenderedComponent<ImportTerminals> RenderReady()
    {
        var cut = Render<ImportTerminals>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=choose-file]"));
        return cut;
    }

    private static void Upload(IRenderedComponent<ImportTerminals> cut, string text, string fileName) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName));
}
