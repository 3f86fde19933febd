using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>How long a live change may take to reach an open page (the product promises about a second).</summary>
    public static readonly float LiveTimeoutMs = 5_000;

    /// <summary>Opens a page and waits until its circuit is interactive; before that, a change or a click would be lost.</summary>
    public static async Task OpenLiveAsync(this IPage page, string relativeUrl)
    {
        var response = await page.GotoAsync(relativeUrl);
        Assert.True(response is { Ok: true }, $"GET {relativeUrl} answered {response?.Status}");
        await Expect(page.Locator("[data-testid=live-indicator][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    /// <summary>
    /// Opens a page and waits until it is ready to read: interactive (a live page) or its form shown (a static account
    /// page), and nothing still loading.
    /// </summary>
    public static async Task OpenReadyAsync(this IPage page, string url, bool live)
    {
        if (live) await page.OpenLiveAsync(url);
        else
        {
            var response = await page.GotoAsync(url);
            Assert.True(response is { Ok: true }, $"GET {url} answered {response?.Status}");
            await Expect(page.Locator("form")).ToBeVisibleAsync();
        }
        await Expect(page.Locator(".mud-progress-indeterminate")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Signs in through the sign-in form, as a person would, and waits until the page it lands on (the overview,
    /// or <paramref name="returnUrl"/>) is interactive. Fails with the form's message when the sign-in is refused.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string? returnUrl = null)
    {
        var signIn = returnUrl is null ? "account/signin" : $"account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await page.GotoAsync(signIn);
        Assert.True(response is { Ok: true }, $"GET {signIn} answered {response?.Status}");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=signin-form] button[type=submit]").ClickAsync();

        var live = page.Locator("[data-testid=live-indicator][data-interactive=true]");
        var refused = page.Locator("[data-testid=signin-error]");
        await Expect(live.Or(refused)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        if (await refused.IsVisibleAsync())
        {
            Assert.Fail($"Signing in as {email} was refused: {(await refused.TextContentAsync())?.Trim()}");
        }
    }

    public static Task SignInAsync(this IPage page, E2EUser user, string? returnUrl = null) =>
        page.SignInAsync(user.Email, user.Password, returnUrl);

    /// <summary>Marks the loaded document, so <see cref="AssertNotReloadedAsync"/> can prove a change arrived without a reload.</summary>
    public static Task MarkDocumentAsync(this IPage page) => page.EvaluateAsync("() => { window.__marker = 1; }");

    public static async Task AssertNotReloadedAsync(this IPage page)
    {
        var marker = await page.EvaluateAsync<int?>("() => window.__marker ?? null");
        Assert.True(marker == 1, "The page was reloaded or navigated away: the marker set on the document is gone.");
        var navigations = await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length");
        Assert.Equal(1, navigations);
    }

    /// <summary>A name written on a signature pad with the mouse (pointer events, as a finger or stylus makes them): a few strokes across it.</summary>
    public static async Task DrawSignatureAsync(this IPage page, ILocator canvas)
    {
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("The signature pad is not shown.");
        var (left, top) = (box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(left, top);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 12; step++)
        {
            await page.Mouse.MoveAsync(left + step * 20, top + (step % 2 == 0 ? -25 : 25), new() { Steps = 3 });
        }
        await page.Mouse.UpAsync();
    }
}
