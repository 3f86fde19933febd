using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Maintenance;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace FleetOps.Components.Tests;

/// <summary>
/// A drawn signature kept in the browser's draft across a reload of the work order page, and put aside to sign again.
/// </summary>
public sealed class WorkOrderSignatureDraftTests : UpsTestWorkOrderPageTest
{
    /// <summary>
    /// Found by an outside tester: a reload emptied the store manager's signature, drawn again by someone who may have left.
    /// The browser keeps the drawing (encrypted) with the draft after each stroke; the reloaded page shows it where the pad
    /// was, and completing stores it without a new drawing.
    /// </summary>
    [Fact]
    public void A_drawn_signature_survives_a_reload_and_is_stored_on_completion_without_drawing_again()
    {
        byte[] drawn = [.. BytesReference.Png, 42, 7];
        var inked = true;
        var pad = Context.JSInterop.SetupModule("./js/signature-pad.js");
        pad.Setup<int>("drawn", _ => inked).SetResult(1);
        pad.Setup<IJSStreamReference>("png", _ => inked).SetResult(new BytesReference(drawn));
        var drafts = Context.JSInterop.SetupModule("./js/checklist-drafts.js");
        var cut = OpenAsTechnician();

        Wait(() => cut.InvokeAsync(() => cut.FindComponent<SignaturePad>().Instance.StrokeEnded())); // the pad's script: a stroke ended

        var saved = Assert.Single(drafts.Invocations["save"]);
        var (key, text) = ((string)saved.Arguments[0]!, (string)saved.Arguments[1]!);
        Assert.DoesNotContain(Convert.ToBase64String(drawn), text, StringComparison.Ordinal); // not kept in the clear
        cut.Dispose();
        inked = false; // a new page: its pad is empty
        drafts.Setup<IJSStreamReference>("read", i => Equals(i.Arguments[0], key)).SetResult(new BytesReference(System.Text.Encoding.ASCII.GetBytes(text)));

        var again = OpenAsTechnician(started: false);

        again.WaitForAssertion(() => Assert.Equal($"data:image/png;base64,{Convert.ToBase64String(drawn)}",
            again.Find("[data-testid=item-manager_signature] img[data-testid=signature-kept]").GetAttribute("src")));
        Assert.Empty(again.FindAll("[data-testid=item-manager_signature] canvas"));
        AnswerAllButTheDrawing(again);
        again.Find("[data-testid=complete]").Click();

        again.WaitForAssertion(() => Assert.Contains("signed off by Wang Li", again.Find("[data-testid=signed-off]").TextContent));
        var signature = long.Parse(Maintenance.Get(Order.Id)!.Results.Single(r => r.Item == "manager_signature").Value!, System.Globalization.CultureInfo.InvariantCulture);
        var stored = Wait(() => Services.GetRequiredService<WorkOrderPhotos>().OpenAsync(Order.Id, signature, MaintenanceActor.Of(Technician)));
        Assert.Equal(drawn, File.ReadAllBytes(stored!.Value.Path));
        // Done: the draft goes, the drawing with it.
        Assert.Contains(drafts.Invocations["drop"], d => Equals(d.Arguments[0], key[..^"manager_signature".Length]));
    }

    /// <summary>A kept signature put aside ("Sign again", another person signs now): the pad is back, empty, and the browser forgets the old drawing.</summary>
    [Fact]
    public void Signing_again_puts_the_kept_drawing_aside_and_completion_then_asks_for_a_new_one()
    {
        byte[] drawn = [.. BytesReference.Png, 42, 7];
        var drafts = Context.JSInterop.SetupModule("./js/checklist-drafts.js");
        var protector = Services.GetRequiredService<IDataProtectionProvider>();
        drafts.Setup<IJSStreamReference>("read", i => Equals(i.Arguments[0], KeyOfSignature()))
            .SetResult(new BytesReference(System.Text.Encoding.ASCII.GetBytes(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
                protector.CreateProtector("FleetOps.ChecklistDrafts.Signature", KeyOfSignature()).Protect(drawn)))));
        var cut = OpenAsTechnician();
        cut.WaitForElement("[data-testid=item-manager_signature] img[data-testid=signature-kept]");

        cut.Find("[data-testid=item-manager_signature] [data-testid=sign-again]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=item-manager_signature] canvas")));
        Assert.Empty(cut.FindAll("[data-testid=signature-kept]"));
        Assert.Contains(drafts.Invocations["remove"], r => Equals(r.Arguments[0], KeyOfSignature()));
        AnswerAllButTheDrawing(cut);
        cut.Find("[data-testid=complete]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Store manager's signature — required, not answered", cut.Find("[data-testid=completion-refused]").TextContent));
        Assert.Equal(WorkOrderState.InProgress, Maintenance.Get(Order.Id)!.State);
    }

    /// <summary>The browser's entry of this technician's drawing for the manager's signature (as <c>ChecklistDrafts</c> names it).</summary>
    private string KeyOfSignature() =>
        $"fleetops.checklist.{Order.Id}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Technician.Email)))[..16]}.signature.manager_signature";
}
