using FleetOps.Core.Training;
using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// Issue 15's required test: a store manager records, on a phone, a session of the card-payment programme for two staff
/// members — items ticked, the trainer and both trainees signing on the pads — while the training overview, open in another
/// browser, shows the store's compliance rise from 0 of 3 to 2 of 3 without a reload. The two had every other programme
/// already (seeded through the API), so this session is the one that makes them current; the third person stays untrained.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TrainingComplianceLiveTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    public const string ScreenshotPath = E2EApp.Folder + "/training-signed.png";

    [Fact]
    public async Task A_session_signed_on_a_phone_raises_the_stores_compliance_on_the_overview_without_reload()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var li = await api.AddStaffAsync(store, "Li Na");
        var zhou = await api.AddStaffAsync(store, "Zhou Bo");
        await api.AddStaffAsync(store, "Chen Jie");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1); // the store's zone is Asia/Shanghai
        foreach (var programme in DefaultProgrammes.All.Where(p => p.Key != DefaultProgrammes.CardPayment))
        {
            await api.RecordTrainingAsync(store, programme.Key, yesterday, li, zhou);
        }
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [store]);

        var overview = await fixture.NewPageAsync();
        await overview.SetViewportSizeAsync(1024, 768);
        await overview.SignInAsync(manager);
        await overview.OpenLiveAsync("training");
        var row = overview.Locator($"[data-testid=training-row-{store}]");
        await Expect(row.Locator("[data-testid=staff]")).ToHaveTextAsync("3");
        await Expect(row.Locator("[data-testid=current]")).ToHaveTextAsync("0");
        await Expect(row.Locator("[data-testid=percent]")).ToHaveTextAsync("0.0%");
        await overview.MarkDocumentAsync();

        var phone = await fixture.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.SignInAsync(manager);
        await phone.OpenLiveAsync($"stores/{Uri.EscapeDataString(store)}/training");
        await phone.Locator("[data-testid=session-new]").ClickAsync();
        foreach (var person in new[] { li, zhou })
        {
            var trainee = phone.Locator($"[data-testid=trainee-{person}]");
            await trainee.Locator("input[data-testid=trainee]").CheckAsync();
            // Taking a person in ticks every item; the trainer unticks one and ticks it again as it is gone through.
            var item = trainee.Locator("input[data-testid=item-signature_step]");
            await item.UncheckAsync();
            await item.CheckAsync();
            await phone.DrawSignatureAsync(trainee.Locator("canvas[data-testid=signature-canvas]"));
        }

        // The form with two people's items and three pads fits the phone: nothing runs off sideways.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
            "The session form fits 390 px without sideways scrolling.");

        // Everyone must sign: without the trainer's signature the page asks for it and records nothing.
        await phone.Locator("[data-testid=session-save]").ClickAsync();
        await Expect(phone.Locator("[data-testid=trainer-signature-refusal]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=current]")).ToHaveTextAsync("0");

        await phone.DrawSignatureAsync(phone.Locator("[data-testid=trainer-signature] canvas[data-testid=signature-canvas]"));
        await phone.Locator("[data-testid=session-save]").ClickAsync();

        await Expect(phone.Locator("[data-testid=training-message]")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-testid=training-compliance]")).ToContainTextAsync("(2 of 3)");
        var detail = phone.Locator("[data-testid=session-detail]");
        await Expect(detail.Locator("img[data-testid=signature-image]")).ToHaveCountAsync(3);
        await Expect(detail.Locator("[data-testid=not-signed]")).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });

        await Expect(row.Locator("[data-testid=current]")).ToHaveTextAsync("2", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(row.Locator("[data-testid=percent]")).ToHaveTextAsync("66.7%", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await overview.AssertNotReloadedAsync();

        // The printable record shows the drawn signatures of this session and "not signed" for the API-recorded ones.
        await phone.OpenLiveAsync($"stores/{Uri.EscapeDataString(store)}/training/record");
        await Expect(phone.Locator("[data-testid=record-session] img[data-testid=signature-image]")).ToHaveCountAsync(3);
        await Expect(phone.Locator("[data-testid=record-session] [data-testid=not-signed]")).ToHaveCountAsync(5);
        // Every drawing loads (served to this manager by the API): waited for, not sampled.
        await phone.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=record-session] img[data-testid=signature-image]')]" +
            ".every(i => i.complete && i.naturalWidth > 0)");

        // On paper: nothing for clicking, the signatures still there.
        await phone.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(phone.Locator("[data-testid=record-print]")).ToBeHiddenAsync();
        await Expect(phone.Locator("[data-testid=record-session] img[data-testid=signature-image]").First).ToBeVisibleAsync();
    }
}
