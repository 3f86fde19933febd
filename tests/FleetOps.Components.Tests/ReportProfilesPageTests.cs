using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Components.Reconciliation;
using FleetOps.Web.Reconciliation;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The profile editor (issue 16 item 1): a sample's header gives the mapping's choices, an incomplete mapping shows the
/// profile rule's own message, a complete one previews the first rows as the import reads them (a row the reader refuses
/// with its reason), saving stores the profile the import then uses; a sample with a full card number is refused and
/// dropped; the generic format is shown, not edited.
/// </summary>
public sealed class ReportProfilesPageTests : ReconciliationComponentTest
{
    private const string BankSample = """
        TxnDate,TermId,RefNo,Amt,Ccy,TxnType,Fee
        20261122,10000001,700000000001,128.00,CNY,PURCHASE,0.50
        20261122,10000001,700000000002,12.345,CNY,PURCHASE,0.00
        20261123,10000001,700000000003,30.00,CNY,RETURN,0.00
        """;

    private IRenderedComponent<ReportProfilesPage> Page(string query = "?acquirer=unionpay") => RenderAt<ReportProfilesPage>($"/reconciliation/profiles{query}");

    private static void Upload(IRenderedComponent<ReportProfilesPage> cut, string csv, string name = "bank-sample.csv") =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, name, contentType: "text/csv"));

    /// <summary>Picks a value in a select or types into a field of the editor, as the person's choice reaches it.</summary>
    private static void Set<T>(IRenderedComponent<ReportProfilesPage> cut, string testId, T value) where T : notnull
    {
        // A select's inner input carries its attributes too: the select (or the text field) is the one a person uses.
        var field = cut.FindComponents<MudBaseInput<T>>()
            .Single(f => f.Instance is MudSelect<T> or MudTextField<T> && Equals(f.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    private static void SetSwitch(IRenderedComponent<ReportProfilesPage> cut, string testId, bool value)
    {
        var field = cut.FindComponents<MudSwitch<bool>>().Single(f => Equals(f.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    [Fact]
    public void A_sample_is_mapped_previewed_as_the_import_reads_it_and_saved()
    {
        var cut = Page();
        Upload(cut, BankSample);
        cut.WaitForAssertion(() => Assert.Contains("bank-sample.csv", cut.Find("[data-testid=sample-name]").TextContent));
        // Nothing of this layout is called as the generic format calls it: the rule names every required column missing.
        Assert.Contains("missing: date, rrn, amount_minor, currency, type", cut.Find("[data-testid=profile-rule]").TextContent);

        Set(cut, "map-date", "TxnDate");
        Set(cut, "map-terminal_id", "TermId");
        Set(cut, "map-rrn", "RefNo");
        Set(cut, "map-currency", "Ccy");
        Set(cut, "map-type", "TxnType");
        Set(cut, "map-fee_minor", "Fee");
        cut.WaitForAssertion(() => Assert.Contains("missing: amount_minor.", cut.Find("[data-testid=profile-rule]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=preview-rows]"));

        Set(cut, "map-amount_minor", "Amt");
        Set(cut, "profile-date-format", "yyyyMMdd");
        SetSwitch(cut, "profile-major", true);
        Set(cut, "profile-words-sale", "PURCHASE");
        Set(cut, "profile-words-refund", "RETURN");

        cut.WaitForAssertion(() => Assert.Contains("The first 3 of 3 rows", cut.Find("[data-testid=preview-count]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=profile-rule]"));
        Assert.Equal(["CN¥128.00", "CN¥30.00"], cut.FindAll("[data-testid=preview-amount]").Select(a => a.TextContent.Trim()));
        Assert.Equal(["Sale", "Refund"], cut.FindAll("[data-testid=preview-type]").Select(a => a.TextContent.Trim()), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("'Amt' must be a non-negative amount with at most 2 decimals", cut.Find("[data-testid=preview-error]").TextContent);

        Set(cut, "profile-name", "bank-daily");
        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("bank-daily", cut.Find("[data-testid=profile-saved]").TextContent));
        var saved = Wait(() => Services.GetRequiredService<ReportProfiles>().FindAsync("bank-daily", CancellationToken.None))!;
        Assert.Equal((Acquirer, "Amt", "yyyyMMdd", true), (saved.Acquirer, saved.Layout.Headers[ReportColumn.AmountMinor], saved.Layout.DateFormat,
            saved.Layout.AmountsInMajorUnits));
        Assert.True(saved.Layout.TryType("RETURN", out var type) && type == SettlementItemType.Refund);
        Assert.Contains("bank-daily", cut.Find("[data-testid=profile-editing]").TextContent);
        Assert.Contains("bank-daily", cut.Find("[data-testid=profile-list]").TextContent);
    }

    [Fact]
    public void Saving_a_profile_that_breaks_a_rule_shows_its_message_and_stores_nothing()
    {
        var cut = Page();
        Upload(cut, BankSample);
        cut.WaitForAssertion(() => Assert.Contains("bank-sample.csv", cut.Find("[data-testid=sample-name]").TextContent));
        Set(cut, "map-date", "TxnDate");
        Set(cut, "profile-date-format", "MM/dd");
        Set(cut, "profile-name", "generic");

        cut.Find("[data-testid=profile-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("built in and cannot be changed", cut.Find("[data-testid=profile-editor]").TextContent));
        Assert.Contains("must write a whole date that reads back", cut.Find("[data-testid=profile-editor]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=profile-saved]"));
        Assert.Empty(Wait(() => Reconciliation.ProfilesAsync()));
    }

    [Fact]
    public void A_sample_holding_a_full_card_number_is_refused_naming_its_row_and_dropped()
    {
        var cut = Page();
        // Its header is the generic format's, so the mapping is complete at once and the whole sample is read.
        Upload(cut, Csv(Line(SaleDay, "10000001", "700000000001", 12800), Line(SaleDay, "10000001", "700000000002", 100),
            Line(SaleDay, "10000001", "700000000003", 100).Replace("622848******1234", "6228480402564890018")));

        cut.WaitForAssertion(() => Assert.Contains("Row 4 of the sample holds a full card number", cut.Find("[data-testid=sample-refused]").TextContent));
        Assert.Contains("No sample yet", cut.Find("[data-testid=sample-name]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-rows]"));
    }

    [Fact]
    public void The_generic_format_is_shown_as_built_in_and_cannot_be_edited()
    {
        var cut = Page("?acquirer=unionpay&profile=generic");

        cut.WaitForAssertion(() => Assert.Contains("amountMinor", cut.Find("[data-testid=generic-format]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=profile-editor]"));
        Assert.Contains("generic (built in)", cut.Find("[data-testid=profile-list]").TextContent);
    }
}
