using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>Copies a secret (token, key, initial password) or a view's link to the clipboard of the person's browser.</summary>
public static class Clipboard
{
    /// <param name="failedKey">What to say when the browser refuses: where else the person finds the text.</param>
    public static async Task CopyAsync(IJSRuntime js, ISnackbar snackbar, IStringLocalizer<UiText> texts, string text, string failedKey = "Secret.CopyFailed")
    {
        try
        {
            await js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            snackbar.Add(texts["Secret.Copied"], Severity.Success);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The clipboard API only exists in a secure context (HTTPS or localhost) and may be refused by the
            // browser; the text is on screen and selectable, so the person can still copy it by hand.
            snackbar.Add(texts[failedKey], Severity.Warning);
        }
    }
}
