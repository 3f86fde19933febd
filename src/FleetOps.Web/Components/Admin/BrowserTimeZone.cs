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

    public static async Task<TimeZoneInfo> DetectAsync(IJSRuntime js) =>
        // Else the server's zone: still a correct time, labelled with its zone.
        await IdAsync(js) is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;

    /// <summary>The browser's IANA zone id (<c>Europe/London</c>), or null when the browser does not say.</summary>
    public static async Task<string?> IdAsync(IJSRuntime js)
    {
        try
        {
            await using var format = await js.InvokeAsync<IJSObjectReference>("Intl.DateTimeFormat");
            var options = format is null ? null : await format.InvokeAsync<ResolvedOptions?>("resolvedOptions");
            return options?.TimeZone is { Length: > 0 } id ? id : null;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// An export link that names its file by the viewer's clock: <paramref name="href"/> with <c>tz=</c> (the API's
    /// parameter); unchanged when the zone is not known, and the API then uses the stores' zone.
    /// </summary>
    public static string ForExport(string href, string? zoneId) =>
        zoneId is null ? href : $"{href}{(href.Contains('?', StringComparison.Ordinal) ? '&' : '?')}tz={Uri.EscapeDataString(zoneId)}";
}
