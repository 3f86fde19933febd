using FleetOps.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Components.Tests;

/// <summary>
/// The page's view in its address (<see cref="ViewAddress"/>) read back right after it was written, as on a server
/// circuit: there the navigation manager's address changes only once the browser confirms the navigation, later.
/// </summary>
public sealed class ViewAddressTests
{
    /// <summary>A navigation manager like a circuit's: a navigation is only asked for until <see cref="Confirm"/>.</summary>
    private sealed class CircuitNavigation : NavigationManager
    {
        private string? _asked;

        public CircuitNavigation(string uri) => Initialize("http://fleetops.test/", uri);

        protected override void NavigateToCore(string uri, NavigationOptions options) => _asked = ToAbsoluteUri(uri).ToString();

        /// <summary>The browser's confirmation of the navigation asked for.</summary>
        public void Confirm()
        {
            Uri = _asked!;
            NotifyLocationChanged(isInterceptedLink: false);
        }

        /// <summary>A link elsewhere in the page to the same page with another view.</summary>
        public void FollowLink(string uri)
        {
            Uri = ToAbsoluteUri(uri).ToString();
            NotifyLocationChanged(isInterceptedLink: true);
        }
    }

    [Fact]
    public void A_written_view_is_read_back_before_the_browser_confirms_it()
    {
        var navigation = new CircuitNavigation("http://fleetops.test/reconciliation");
        var outside = 0;
        using var address = new ViewAddress(navigation, () => { outside++; return Task.CompletedTask; });

        address.Write(new Dictionary<string, string?> { ["acquirer"] = "unionpay" });

        Assert.Equal("unionpay", address["acquirer"]);
        navigation.Confirm();
        Assert.Equal("unionpay", address["acquirer"]);
        Assert.Equal(0, outside); // its own write is not a change from outside
    }

    [Fact]
    public void A_link_to_the_same_page_with_another_view_is_read_and_reported()
    {
        var navigation = new CircuitNavigation("http://fleetops.test/reconciliation?acquirer=unionpay");
        var outside = 0;
        using var address = new ViewAddress(navigation, () => { outside++; return Task.CompletedTask; });

        navigation.FollowLink("http://fleetops.test/reconciliation");

        Assert.Null(address["acquirer"]);
        Assert.Equal(1, outside);
    }
}
