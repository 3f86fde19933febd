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
        // The chrome to look for on paper: the words of the menu entries and the Print button that the record itself does
        // not say ("Training" is a menu entry and the record's heading).
        var print = WordsOf(await page.Locator("[data-testid=record-print]").TextContentAsync() ?? "");
        var record = WordsOf(await page.Locator("[data-testid=training-record]").InnerTextAsync()).Except(print).ToHashSet(StringComparer.Ordinal);
        var menu = (await page.Locator(".mud-drawer .mud-nav-link-text").AllInnerTextsAsync()).SelectMany(WordsOf);
        var chrome = menu.Concat(print).Where(w => !record.Contains(w)).ToHashSet(StringComparer.Ordinal);
        Assert.True(chrome.Count > 3, $"Too few words of the menu to look for: {string.Join(" ", chrome)}");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        // Kept beside the sweep's screenshots (a CI artefact): what the auditor would get.
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "training-record.pdf"), pdf);
        // A narrow column's text wraps, and a PDF reads line by line across the columns: a name split over two lines of its
        // cell comes back with the other cells' words between its own. So each expected phrase is looked for word by word.
        var words = TextOf(pdf);
        string[] expected =
        [
            store, "Xujiahui Mall", "Wang Fang", "Zhao Lei", "Sun Mei",
            "Never trained", // Sun Mei, not in the session
            "valid until", // Wang Fang and Zhao Lei, trained in one programme
            "Chen Jie", "Wang Fang, Zhao Lei", // the session's line: its trainer and the people trained
            "Power fails mid-payment", "Do not hand over the goods",
        ];
        var missing = expected.Where(e => !WordsOf(e).All(words.Contains)).ToList();
        Assert.True(missing.Count == 0, $"Not on paper: {string.Join(" / ", missing)}. The PDF reads: {string.Join(" ", words)}");
        // None of the chrome made for clicking: no menu entry, no Print button.
        var printed = chrome.Where(words.Contains).ToList();
        Assert.True(printed.Count == 0, $"Printed but made for clicking: {string.Join(" / ", printed)}. The PDF reads: {string.Join(" ", words)}");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The record in Chinese on a 1024-px tablet: the items' long sentences took the width and squeezed the short columns
    /// to a character a line — the trainer "王" over "芳", "未签名" over three lines, the header "培训人" likewise.
    /// </summary>
    [Fact]
    public async Task A_chinese_record_on_a_tablet_keeps_the_trainer_the_signatures_and_the_headers_on_one_line()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync(name: "重庆2号店");
        var guo = await api.AddStaffAsync(store, "Guo Fei", "店长助理");
        var he = await api.AddStaffAsync(store, "He Ping", "收银员");
        var programme = DefaultProgrammes.Find(DefaultProgrammes.EmergencyPlan)!;
        await api.RecordTrainingSessionAsync(store, programme.Key, "王芳", [guo, he], programme.Items.Select(i => i.Key));
        var reader = await fixture.CreateUserAsync(FleetOps.Web.Security.Roles.Administrator);

        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await page.SetViewportSizeAsync(1024, 768);
        await page.SignInAsync(reader);
        await page.OpenLiveAsync($"stores/{Uri.EscapeDataString(store)}/training/record");
        var session = page.Locator("[data-testid=record-session]");
        await Expect(session).ToContainTextAsync("王芳");

        var lines = await page.Locator("[data-testid=record-sessions] table").EvaluateAsync<int[]>("""
            table => [...table.querySelectorAll('th'), ...table.querySelectorAll('tbody td:nth-child(3), tbody td:nth-child(6)')].map(e => {
                const range = document.createRange();
                range.selectNodeContents(e);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            })
            """);
        Assert.True(lines.All(n => n == 1), $"The headers, the trainer and the signatures take {string.Join(", ", lines)} lines");
        await page.Context.CloseAsync();
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "screenshots", "print");

    /// <summary>The words of every page, without the punctuation around them ("Fang," is "Fang").</summary>
    private static HashSet<string> TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(p => p.GetWords()).SelectMany(w => WordsOf(w.Text)).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> WordsOf(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', ';', ':', '.', '·', '(', ')')).Where(w => w.Length > 0);
}
