using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// A page's view — filters, sort, page, tab — kept in the query string of its address, so a view can be bookmarked,
/// shared ("copy link") and is back as it was after Back. The one way pages do this (issue 11).
/// <para>
/// Writes replace the current history entry instead of adding one: typing a search must not make Back step through
/// every keystroke; Back leaves the page, and coming back to it restores the view from the address.
/// The address is read when the page opens and again whenever it changes from outside — a link to the same page with
/// other filters, the menu's link to the bare page — which calls <c>changedOutside</c>; the page's own writes do not.
/// </para>
/// </summary>
public sealed class ViewAddress : IDisposable
{
    private readonly NavigationManager _navigation;
    private readonly Func<Task> _changedOutside;
    private readonly string _path;
    private string _current;

    public ViewAddress(NavigationManager navigation, Func<Task> changedOutside)
    {
        _navigation = navigation;
        _changedOutside = changedOutside;
        _current = navigation.Uri;
        _path = PathOf(_current);
        navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>
    /// The value of one query parameter of the current address — as last written here or changed from outside; null when
    /// absent or empty. Not <see cref="NavigationManager.Uri"/>: on a server circuit that changes only once the browser has
    /// confirmed a navigation, so a page reading its view right after writing it read the old one (the reconciliation
    /// page's export button came only after a reload).
    /// </summary>
    public string? this[string name] =>
        QueryHelpers.ParseQuery(new Uri(_current).Query).TryGetValue(name, out var values) ? Present(values.ToString()) : null;

    /// <summary>
    /// Writes the view: each value replaces its parameter, a null or empty value (a filter cleared, a default chosen)
    /// removes it, and parameters not named here are kept. Nothing happens when the address already says the same, so
    /// opening <c>?page=1</c> does not rewrite it to the bare address.
    /// </summary>
    public void Write(IReadOnlyDictionary<string, string?> values)
    {
        if (values.All(v => this[v.Key] == Present(v.Value))) return;
        var uri = _navigation.GetUriWithQueryParameters(values.ToDictionary(v => v.Key, v => (object?)Present(v.Value)));
        _current = uri;
        _navigation.NavigateTo(uri, replace: true);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Our own write, or a move to another page (this one is about to go): nothing to re-read.
        if (e.Location == _current || PathOf(e.Location) != _path) return;
        _current = e.Location;
        _ = _changedOutside();
    }

    private static string? Present(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string PathOf(string uri) => new Uri(uri).GetLeftPart(UriPartial.Path).TrimEnd('/');

    public void Dispose() => _navigation.LocationChanged -= OnLocationChanged;
}
