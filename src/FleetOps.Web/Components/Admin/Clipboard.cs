using Microsoft.JSInterop;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>Copies a secret (token, key, initial password) to the clipboard of the person's browser.</summary>
public static class Clipboard
{
    public static async Task CopyAsync(IJSRuntime js, ISnackbar snackbar, string text)
    {
        try
        {
            await js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            snackbar.Add("Copied to the clipboard.", Severity.Success);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The clipboard API only exists in a secure context (HTTPS or localhost) and may be refused by the
            // browser; the text is on screen and selectable, so the person can still copy it by hand.
            snackbar.Add("Could not copy automatically: select and copy the text.", Severity.Warning);
        }
    }
}
