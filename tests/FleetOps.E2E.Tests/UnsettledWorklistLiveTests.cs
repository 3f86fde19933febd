using System.Globalization;
using System.Text.Json.Nodes;
using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>The app with a completion timeout of <see cref="CompletionTimeoutSeconds"/> s, so an unfinished sale turns unsettled at once.</summary>
public sealed class ShortCompletionTimeoutFixture() : E2EFixture(new E2EApp(new Dictionary<string, string>
{
    ["FleetOps:Detection:CompletionTimeoutSeconds"] = CompletionTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
}))
{
    public const int CompletionTimeoutSeconds = 2;
}

[Collection(E2ECollection.Name)]
public sealed class UnsettledWorklistLiveTests(ShortCompletionTimeoutFixture fixture) : IClassFixture<ShortCompletionTimeoutFixture>
{
    /// <summary>The completion timeout, the clock's sweep and the page's live refresh, with room for a busy machine.</summary>
    private static readonly float AppearTimeoutMs = ShortCompletionTimeoutFixture.CompletionTimeoutSeconds * 1000 + PageExtensions.LiveTimeoutMs;

    private int _events;

    /// <summary>Unique, and never a run of 13+ digits (that could pass the Luhn check and be refused as a card number).</summary>
    private string EventId() => $"e2e-unsettled-{Interlocked.Increment(ref _events)}-{FleetOpsClient.Letters(12)}";

    private static string Now() =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private JsonObject Heartbeat(string bootId) => new()
    {
        ["id"] = EventId(), ["type"] = "heartbeat", ["at"] = Now(), ["bootId"] = bootId, ["uptimeSeconds"] = 5,
        ["appVersion"] = "3.2.1", ["firmwareVersion"] = "1.8.0", ["powerSource"] = "mains", ["batteryPercent"] = 95,
    };

    private JsonObject Power(string state) => new() { ["id"] = EventId(), ["type"] = "power", ["at"] = Now(), ["state"] = state };

    private JsonObject Sale(string transactionId, string stage) => new()
    {
        ["id"] = EventId(), ["type"] = "transaction", ["at"] = Now(), ["transactionId"] = transactionId, ["stage"] = stage,
        ["amountMinor"] = 12800, ["currency"] = "CNY", ["maskedPan"] = "622848******1234", ["authCode"] = "A1B2C3",
        ["rrn"] = "123456789012", ["batchNumber"] = "000123",
    };

    [Fact]
    public async Task A_sale_interrupted_by_a_power_loss_appears_without_reload_and_becomes_a_lost_sale_when_reversed()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(terminal, store);
        await api.PostEventsAsync(terminal, key, Heartbeat("boot-1"));

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync("transactions/unsettled");
        await page.MarkDocumentAsync();

        // Authorised by the bank, then the terminal loses power and boots again; the sale is never completed.
        var transaction = FleetOpsClient.NewId("tx");
        await api.PostEventsAsync(terminal, key, Sale(transaction, "authorized"));
        await api.PostEventsAsync(terminal, key, Power("lost"));
        await api.PostEventsAsync(terminal, key, Heartbeat("boot-2"));

        var row = page.Locator($"[data-testid='unsettled-{terminal}-{transaction}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = AppearTimeoutMs });
        await Expect(row).ToHaveAttributeAsync("data-reason", "interrupted_by_power_loss");
        await Expect(row).ToContainTextAsync("Interrupted by power loss");
        await Expect(row).ToContainTextAsync("CN¥128.00");
        await Expect(page.Locator("[data-testid=risk-CNY-amount]")).ToHaveTextAsync("CN¥128.00");
        await page.AssertNotReloadedAsync();

        // On boot the terminal reverses the sale: the customer is refunded, the sale is lost and has to be run again.
        await api.PostEventsAsync(terminal, key, Sale(transaction, "reversed"));

        await Expect(row).ToHaveCountAsync(0, new() { Timeout = PageExtensions.LiveTimeoutMs });
        var lost = page.Locator($"[data-testid='lost-{terminal}-{transaction}']");
        await Expect(lost).ToBeVisibleAsync(new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(lost).ToContainTextAsync("CN¥128.00");
        await Expect(page.Locator("[data-testid=risk-none]")).ToBeVisibleAsync();
        await page.AssertNotReloadedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_interrupted_sale_is_worked_through_its_case_to_resolved_and_leaves_the_open_list()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var terminal = FleetOpsClient.NewId("T");
        var key = await api.RegisterTerminalAsync(terminal, store);
        await api.PostEventsAsync(terminal, key, Heartbeat("boot-1"));
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);
        await page.OpenLiveAsync($"transactions/unsettled?store={store}");

        var transaction = FleetOpsClient.NewId("tx");
        await api.PostEventsAsync(terminal, key, Sale(transaction, "authorized"), Power("lost"));
        await api.PostEventsAsync(terminal, key, Heartbeat("boot-2"));
        var row = page.Locator($"[data-testid='unsettled-{terminal}-{transaction}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = AppearTimeoutMs });
        await Expect(row.Locator("[data-testid=case-status]")).ToHaveAttributeAsync("data-status", "none");

        // The store's link in the row opens the store, not the case the row opens.
        await row.Locator($"a[href='stores/{store}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/stores/{store}$"));
        await page.OpenLiveAsync($"transactions/unsettled?store={store}");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = AppearTimeoutMs });

        // Step 1: the record, with the power loss on the terminal's timeline — opened by tapping the row (its amount), as
        // the intro says; a tablet has no transaction link column.
        await row.Locator("td.text-right").ClickAsync();
        await Expect(page.Locator("[data-testid=case-timeline]")).ToContainTextAsync("power · lost");
        await page.Locator("[data-testid=take-case]").ClickAsync();
        await Expect(page.Locator("[data-testid=owner]")).ToHaveAttributeAsync("title", E2EApp.AdminEmail); // by name, the e-mail on hover
        await page.Locator("[data-testid=record-checked]").ClickAsync();

        // Step 2: the facts for the bank, and its reference.
        await Expect(page.Locator("[data-testid=step-acquirer]")).ToHaveAttributeAsync("data-state", "current");
        await Expect(page.Locator("[data-testid=acquirer-facts]")).ToContainTextAsync("Card: 622848******1234");
        await page.Locator("input[data-testid=bank-reference]").FillAsync("ACQ-E2E-42");
        await page.Locator("[data-testid=save-bank-reference]").ClickAsync();
        await Expect(page.Locator("[data-testid=acquirer-facts]")).ToContainTextAsync("Bank reference: ACQ-E2E-42");

        // Step 3: resolved with an outcome.
        await page.Locator("[data-testid=step-resolve] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Re-credited" }).ClickAsync();
        await page.Locator("[data-testid=resolve-case]").ClickAsync();
        await page.Locator("textarea[data-testid=resolve-note]").FillAsync("Acquirer confirmed the re-credit");
        await page.Locator("[data-testid=confirm-resolve]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-outcome]")).ToContainTextAsync("Re-credited");
        await Expect(page.Locator("[data-testid=case-trail]")).ToContainTextAsync("Bank reference: ACQ-E2E-42");

        await page.Locator("[data-testid=nav-unsettled]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=unsettled-table], [data-testid=unsettled-empty]").First).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid='unsettled-{terminal}-{transaction}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
