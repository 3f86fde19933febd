using Microsoft.JSInterop;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// The viewer's own time zone, asked from their browser. A person reads "when" in their local time; the server's
/// zone says nothing to them. Uses <c>Intl.DateTimeFormat().resolvedOptions()</c> through plain JS interop, so no
/// script file (and no eval, which the content security policy forbids) is needed.
/// </summary>
public static class BrowserTimeZone
{
    internal sealed record ResolvedOptions(string? TimeZone);

    public static async Task<TimeZoneInfo> DetectAsync(IJSRuntime js)
    {
        try
        {
            await using var format = await js.InvokeAsync<IJSObjectReference>("Intl.DateTimeFormat");
            var options = format is null ? null : await format.InvokeAsync<ResolvedOptions?>("resolvedOptions");
            if (options?.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // Falls through to the server's zone: still a correct time, labelled with its zone.
        }
        return TimeZoneInfo.Local;
    }
}
