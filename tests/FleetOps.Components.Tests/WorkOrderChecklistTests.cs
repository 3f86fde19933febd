using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The checklist of one work order's page (issue 14) as the technician fills it in on site: a reading out of limits is
/// flagged at once and demands a note, a refused completion lists its items, done work is read-only with its results and
/// who signed, photos are checked, a free-text item is one labelled box. The work order is <see cref="UpsTestWorkOrderPageTest"/>'s.
/// </summary>
public sealed class WorkOrderChecklistTests : UpsTestWorkOrderPageTest
{
    [Fact]
    public void A_reading_out_of_limits_is_flagged_at_once_and_demands_a_note()
    {
        var cut = OpenAsTechnician();
        var runtime = () => cut.Find("[data-testid=item-ups_runtime]");
        Assert.Equal("no", runtime().GetAttribute("data-flagged"));

        cut.Find("[data-testid=item-ups_runtime] input[data-testid=reading]").Input("4");

        cut.WaitForAssertion(() => Assert.Equal("yes", runtime().GetAttribute("data-flagged")));
        Assert.Contains("at least 10 minutes", runtime().QuerySelector("[data-testid=out-of-limits]")!.TextContent);
        Assert.Contains("A note is required", runtime().TextContent);

        cut.Find("[data-testid=item-ups_runtime] input[data-testid=note]").Input("battery worn, replacement ordered");

        cut.WaitForAssertion(() => Assert.DoesNotContain("A note is required", runtime().TextContent));
        Assert.Equal("yes", runtime().GetAttribute("data-flagged"));
    }

    [Fact]
    public void Done_work_reads_its_notes_as_text_and_says_a_reading_was_out_of_limits_without_asking_for_a_note()
    {
        Wait(() => Service.StartAsync(Order.Id, MaintenanceActor.Of(Technician), null));
        var signature = Signed();
        var done = Wait(() => Service.CompleteAsync(Order.Id,
        [
            new("adapter_ok", "true"), new("mains_voltage", "231"), new("ups_self_test", "false", "self-test beeps"),
            new("ups_runtime", "4", "battery worn, replacement ordered"), new("surge_protection", "true"), new("manager_signature", signature),
        ], "Wang Li", MaintenanceActor.Of(Technician), null));
        Assert.NotNull(done.Value);

        var cut = OpenAsTechnician(started: false);

        var runtime = cut.Find("[data-testid=item-ups_runtime]");
        Assert.Equal("Out of limits (at least 10 minutes)", runtime.QuerySelector("[data-testid=out-of-limits]")!.TextContent.Trim());
        Assert.Equal("Note: battery worn, replacement ordered", runtime.QuerySelector("[data-testid=note-text]")!.TextContent.Trim());
        Assert.Equal("Note: self-test beeps", cut.Find("[data-testid=item-ups_self_test] [data-testid=note-text]").TextContent.Trim());
        // Nothing on done work looks like a box to type into.
        Assert.Empty(cut.FindAll("[data-testid^=item-] input, [data-testid^=item-] textarea"));
        Assert.Empty(cut.FindAll("[data-testid=item-adapter_ok] [data-testid=note-text]"));
    }

    [Fact]
    public void A_refused_completion_lists_the_items_and_marks_them()
    {
        var cut = OpenAsTechnician();
        cut.Find("[data-testid=item-adapter_ok] [data-testid=pass]").Click();
        cut.Find("[data-testid=item-mains_voltage] input[data-testid=reading]").Input("190");

        cut.Find("[data-testid=complete]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=completion-refused]")));
        var refused = cut.Find("[data-testid=completion-refused]").TextContent;
        Assert.Contains("Mains voltage at the socket — out of limits without a note", refused);
        Assert.Contains("UPS self-test passes — required, not answered", refused);
        Assert.Contains("Store manager's signature — required, not answered", refused);
        Assert.DoesNotContain("Power adapter", refused);
        Assert.Contains("required, not answered", cut.Find("[data-testid=item-ups_self_test] [data-testid=item-problem]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=item-adapter_ok] [data-testid=item-problem]"));
        Assert.Equal(WorkOrderState.InProgress, Maintenance.Get(Order.Id)!.State);

        // Answered now: the item's refusal no longer stands, at the item and in the list (an outside tester saw both stay red).
        cut.Find("[data-testid=item-ups_self_test] [data-testid=pass]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=item-ups_self_test] [data-testid=item-problem]")));
        Assert.DoesNotContain("UPS self-test", cut.Find("[data-testid=completion-refused]").TextContent);
        Assert.Contains("Store manager's signature — required, not answered", cut.Find("[data-testid=completion-refused]").TextContent);
    }

    [Fact]
    public void Done_work_is_read_only_with_its_results_and_who_signed()
    {
        CompleteWithFailedSelfTest();

        var cut = OpenAsTechnician(started: false);

        Assert.Contains("signed off by Wang Li", cut.Find("[data-testid=signed-off]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=complete]"));
        Assert.Empty(cut.FindAll("[data-testid=start]"));
        Assert.Empty(cut.FindAll("[data-testid=reading]"));
        Assert.Empty(cut.FindAll("[data-testid=pass]"));
        Assert.Contains("231", cut.Find("[data-testid=item-mains_voltage] [data-testid=item-value]").TextContent);
        Assert.Equal("yes", cut.Find("[data-testid=item-ups_self_test]").GetAttribute("data-flagged"));
        Assert.Contains("Fail", cut.Find("[data-testid=item-ups_self_test] [data-testid=item-value]").TextContent);
        Assert.Equal("Not answered", cut.Find("[data-testid=item-ups_load] [data-testid=item-value]").TextContent.Trim()); // optional, left out
        Assert.Empty(cut.FindAll("[data-testid=item-expected]")); // done: no longer what it will ask
        var signature = cut.Find("[data-testid=item-manager_signature]");
        Assert.Contains($"api/v1/workorders/{Order.Id}/photos/", signature.QuerySelector("img[data-testid=signature-image]")!.GetAttribute("src"));
        Assert.Contains("Signed by Wang Li at", signature.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=signature-pad]"));
    }

    [Fact]
    public void A_photo_is_refused_when_too_large_or_not_an_image_and_kept_when_it_is_one()
    {
        var cut = OpenAsTechnician();
        var upload = (InputFileContent file) => cut.FindComponent<InputFile>().UploadFiles(file);
        var refusal = () => cut.Find("[data-testid=item-ups_photo] [data-testid=photo-refusal]").TextContent;

        upload(InputFileContent.CreateFromBinary(new byte[11 * 1024 * 1024], "ups.jpg", contentType: "image/jpeg"));
        cut.WaitForAssertion(() => Assert.Contains("larger than 10 MiB", refusal()));

        upload(InputFileContent.CreateFromText("not a picture", "ups.jpg", contentType: "image/jpeg"));
        cut.WaitForAssertion(() => Assert.Contains("not a photo", refusal()));
        Assert.Empty(Wait(() => Services.GetRequiredService<WorkOrderPhotos>().ListAsync(Order.Id)));

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        upload(InputFileContent.CreateFromBinary(png, "ups.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=item-ups_photo] img[data-testid=photo]")));
        Assert.Empty(cut.FindAll("[data-testid=item-ups_photo] [data-testid=photo-refusal]"));
        var photo = Assert.Single(Wait(() => Services.GetRequiredService<WorkOrderPhotos>().ListAsync(Order.Id)));
        Assert.Equal("ups_photo", photo.Item);
    }

    [Fact]
    public void A_free_text_item_is_one_labelled_box_not_a_blank_box_and_a_note()
    {
        var inspection = BookWork(AddWorkOrder("S-1", "Inspection", TimeSpan.FromDays(1), terminalId: "T-1", checklist: DefaultChecklists.TerminalInspection),
            Technician, TimeSpan.FromHours(1));
        Wait(() => Service.StartAsync(inspection.Id, MaintenanceActor.Of(Technician), null));
        SignIn(Technician);

        var cut = Render<WorkOrderPage>(p => p.Add(c => c.Id, inspection.Id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=item-remarks] textarea[data-testid=text]")));
        var remarks = cut.Find("[data-testid=item-remarks]");
        Assert.Single(remarks.QuerySelectorAll("input, textarea"));
        Assert.Contains("Your answer", remarks.QuerySelector(".mud-input-label")!.TextContent);
        // A check keeps its note beside it.
        Assert.NotNull(cut.Find("[data-testid=item-housing_intact] [data-testid=note]"));
    }
}
