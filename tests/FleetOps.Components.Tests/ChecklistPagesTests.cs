using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The checklist pages (issue 14): an administrator's edit saves a new version while work made before keeps its version's
/// items, an invalid item is refused at the item, others read the checklist in their language, and the pages speak Chinese.
/// </summary>
public sealed class ChecklistPagesTests : FleetComponentTest
{
    public ChecklistPagesTests()
    {
        Context.Render<MudPopoverProvider>();
        AddStore("S-1");
        Register("S-1", "T-1");
    }

    private IRenderedComponent<ChecklistEditor> Editor(string key) => Render<ChecklistEditor>(p => p.Add(x => x.Key, key));

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ChecklistEditor> cut, int item, string field) =>
        cut.Find($"[data-testid=item-{item}] input[data-testid={field}]");

    [Fact]
    public void Saving_an_edit_makes_a_new_version_and_work_made_before_keeps_its_version_and_items()
    {
        var before = AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3), checklist: DefaultChecklists.PowerUps);
        var cut = Editor(DefaultChecklists.PowerUps);
        Assert.Equal("Power adapter and cable undamaged, firmly seated", Field(cut, 0, "item-label").GetAttribute("value"));

        Field(cut, 0, "item-label").Change("Adapter, cable and plug checked");
        cut.Find("[data-testid=item-7] [data-testid=item-remove]").Click(); // the signature goes
        cut.Find("[data-testid=item-0] [data-testid=item-down]").Click(); // the mains reading comes first
        cut.Find("[data-testid=checklist-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Version 2 saved — work orders made before keep version 1.", cut.Find("[data-testid=checklist-saved]").TextContent.Trim()));
        var saved = Maintenance.Template(DefaultChecklists.PowerUps)!;
        Assert.Equal((2, 7), (saved.Version, saved.Items.Count));
        Assert.Equal(["mains_voltage", "adapter_ok"], saved.Items.Take(2).Select(i => i.Key));
        Assert.Equal("Adapter, cable and plug checked", saved.Items[1].Label);
        var kept = Maintenance.Get(before.Id)!;
        Assert.Equal(1, kept.ChecklistVersion);
        var pinned = Maintenance.Template(kept.ChecklistKey, kept.ChecklistVersion)!;
        Assert.Equal("Power adapter and cable undamaged, firmly seated", pinned.Items[0].Label);
        Assert.Equal("manager_signature", pinned.Items[^1].Key);
        // A work order made now pins the new version.
        Assert.Equal(2, AddWorkOrder("S-1", "UPS test again", TimeSpan.FromDays(4), checklist: DefaultChecklists.PowerUps).ChecklistVersion);
        var list = Render<ChecklistsPage>();
        Assert.Equal("2", list.Find($"[data-testid=checklist-{DefaultChecklists.PowerUps}] [data-testid=checklist-version]").TextContent.Trim());
    }

    [Fact]
    public void An_invalid_item_is_refused_at_the_item_and_nothing_is_saved()
    {
        var cut = Editor(DefaultChecklists.PowerUps);

        Field(cut, 1, "item-min").Change("300"); // above its maximum of 253 V
        cut.Find("[data-testid=checklist-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("yes", cut.Find("[data-testid=item-1]").GetAttribute("data-error")));
        Assert.Equal("Item 'mains_voltage': 'min' must not be above 'max'.", cut.Find("[data-testid=item-1] [data-testid=item-refused]").TextContent.Trim());
        Assert.Equal(1, Maintenance.Template(DefaultChecklists.PowerUps)!.Version);

        Field(cut, 1, "item-min").Change("207");
        Field(cut, 3, "item-key").Change("adapter_ok"); // the key of item 0
        cut.Find("[data-testid=checklist-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Each item's 'key' must be unique.", cut.Find("[data-testid=item-3] [data-testid=item-refused]").TextContent.Trim()));
        Assert.Equal("no", cut.Find("[data-testid=item-1]").GetAttribute("data-error"));
        Assert.Equal(1, Maintenance.Template(DefaultChecklists.PowerUps)!.Version);
    }

    [Fact]
    public void A_card_number_in_a_unit_is_refused_at_the_item_in_the_readers_language_and_nothing_is_saved()
    {
        UseLanguage(Languages.Chinese);
        var cut = Editor(DefaultChecklists.PowerUps);

        Field(cut, 1, "item-unit").Change("4111-1111-1111-1111");
        cut.Find("[data-testid=checklist-save]").Click();

        // The rule every text FleetOps keeps goes through (TextRules), its message translated, the number not quoted back.
        cut.WaitForAssertion(() => Assert.Equal("“unit”包含完整卡号，不允许保存；请只填写脱敏卡号（前 6 位和后 4 位）。",
            cut.Find("[data-testid=item-1] [data-testid=item-refused]").TextContent.Trim()));
        Assert.Equal(1, Maintenance.Template(DefaultChecklists.PowerUps)!.Version);
    }

    [Fact]
    public void A_new_checklist_is_version_one_once_saved()
    {
        var cut = Editor("door_check");
        Assert.Contains("New — not saved yet", cut.Find("[data-testid=checklist-version]").TextContent);

        cut.Find("input[data-testid=checklist-title-input]").Change("Door check");
        Field(cut, 0, "item-label").Change("Door closes");
        cut.Find("[data-testid=checklist-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Version 1 saved.", cut.Find("[data-testid=checklist-saved]").TextContent.Trim()));
        Assert.Equal(("Door check", "item_1"), (Maintenance.Template("door_check")!.Title, Maintenance.Template("door_check")!.Items[0].Key));
    }

    [Fact]
    public void A_technician_reads_the_checklist_without_editing_it()
    {
        SignInAsTechnician("S-1");

        var cut = Editor(DefaultChecklists.PowerUps);

        Assert.Empty(cut.FindAll("[data-testid=checklist-save]"));
        Assert.Contains("UPS runtime on battery", cut.Find("[data-testid=checklist-item-ups_runtime]").TextContent);
        Assert.Contains("at least 10 minutes", cut.Find("[data-testid=checklist-item-ups_runtime]").TextContent);
        Assert.DoesNotContain("…", cut.Find("[data-testid=checklist-item-ups_runtime]").TextContent);
        Assert.Empty(Render<ChecklistsPage>().FindAll("[data-testid=new-checklist]"));
    }

    [Fact]
    public void A_reading_without_limits_reads_with_no_limit_text_and_one_limit_as_at_least_or_at_most()
    {
        Wait(() => Services.GetRequiredService<PlanService>().SaveTemplateAsync("meter_check", "Meter check",
        [
            new ChecklistItem("free", "Free reading", ChecklistItemType.Number, Required: true),
            new ChecklistItem("low", "Low reading", ChecklistItemType.Number, Required: true, Unit: "V", Max: 12),
        ], MaintenanceActor.Bootstrap, null));
        SignInAsTechnician("S-1");
        UseLanguage(Languages.Chinese);

        var cut = Editor("meter_check");

        var free = cut.Find("[data-testid=checklist-item-free]").TextContent;
        Assert.Contains("读数", free);
        Assert.DoesNotContain("…", free);
        Assert.DoesNotContain("–", free);
        Assert.Contains("最多 12 V", cut.Find("[data-testid=checklist-item-low]").TextContent);
    }

    [Fact]
    public void An_empty_title_is_refused_by_its_label_in_the_readers_language()
    {
        UseLanguage(Languages.Chinese);
        var cut = Editor("door_check");

        Field(cut, 0, "item-label").Change("Door closes");
        cut.Find("[data-testid=checklist-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("请填写“标题”。", cut.Markup));
        Assert.DoesNotContain("“title”", cut.Markup);
        Assert.Null(Maintenance.Template("door_check"));
    }

    [Fact]
    public void The_checklist_pages_speak_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var list = Render<ChecklistsPage>();
        Assert.Contains("电源与 UPS 测试", list.Find($"[data-testid=checklist-{DefaultChecklists.PowerUps}]").TextContent);
        Assert.Contains("新建检查清单", list.Find("[data-testid=new-checklist]").TextContent);

        var cut = Editor(DefaultChecklists.PowerUps);
        Assert.Contains("保存为新版本", cut.Find("[data-testid=checklist-save]").TextContent);
        Field(cut, 1, "item-min").Change("300");
        cut.Find("[data-testid=checklist-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("项目“mains_voltage”：最小值不能大于最大值。", cut.Find("[data-testid=item-1] [data-testid=item-refused]").TextContent.Trim()));
    }
}
