using FleetOps.Core.Training;
using FleetOps.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 15 item 6: a store's training record prints for the auditor. Chromium makes the PDF with print media, and the
/// PDF's own text is read back: the store, each person with their standing, the session with its trainer and people are
/// on paper; the navigation, the app bar and the Print button are not.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TrainingRecordPrintTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task The_record_prints_to_a_pdf_with_the_store_its_staff_and_sessions_and_nothing_to_click()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync(name: "Xujiahui Mall");
        var wang = await api.AddStaffAsync(store, "Wang Fang", "cashier");
        var zhao = await api.AddStaffAsync(store, "Zhao Lei", "supervisor");
        await api.AddStaffAsync(store, "Sun Mei", "cashier");
        var programme = DefaultProgrammes.Find(DefaultProgrammes.PowerFailure)!;
        await api.RecordTrainingSessionAsync(store, programme.Key, "Chen Jie", [wang, zhao], programme.Items.Select(i => i.Key));

        var page = await fixture.NewPageAsync(locale: "en-US");
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"stores/{Uri.EscapeDataString(store)}/training/record");
        await Expect(page.Locator("[data-testid=record-session]")).ToContainTextAsync("Chen Jie");
        await Expect(page.Locator("[data-testid=record-print]")).ToBeVisibleAsync();
        // The chrome to look for on paper: the Print button, and the menu entries less any the record itself says ("Training"
        // is a menu entry and the record's heading).
        var record = Words(await page.Locator("[data-testid=training-record]").InnerTextAsync());
        var menu = (await page.Locator(".mud-drawer .mud-nav-link-text").AllInnerTextsAsync()).Select(t => Words(t))
            .Where(m => m.Trim().Length > 0 && !record.Contains(m, StringComparison.Ordinal)).ToList();
        Assert.True(menu.Count > 3, $"Too few menu entries to check: {string.Join(" / ", menu)}");
        var print = Words(await page.Locator("[data-testid=record-print]").TextContentAsync() ?? "");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = TextOf(pdf);
        Assert.Contains(store, text);
        Assert.Contains("Xujiahui Mall", text);
        foreach (var person in new[] { "Wang Fang", "Zhao Lei", "Sun Mei" }) Assert.Contains(person, text);
        Assert.Contains("Never trained", text); // Sun Mei, not in the session
        Assert.Contains("Chen Jie", text);
        Assert.Contains("Wang Fang, Zhao Lei", text); // the session's line names the people trained
        Assert.Contains("Power fails mid-payment", text);
        // None of the chrome made for clicking: no menu entry, no Print button.
        Assert.All(menu, m => Assert.DoesNotContain(m, text, StringComparison.Ordinal));
        Assert.DoesNotContain(print, text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Every page's words in reading order, between single spaces, as a person (or a search) reads the PDF.</summary>
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return $" {string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text))} ";
    }

    /// <summary>Text as words between single spaces, so a phrase is found whole ("Print" is not in "Printed").</summary>
    private static string Words(string text) => $" {string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))} ";
}
