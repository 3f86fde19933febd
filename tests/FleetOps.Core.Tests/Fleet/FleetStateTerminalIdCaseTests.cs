using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>
/// A terminal id names the same terminal whatever its letter case (ids are unique ignoring case), and the fleet answers
/// with the id as registered: the one look-up every boundary resolves an incoming id with.
/// </summary>
public class FleetStateTerminalIdCaseTests
{
    private readonly FleetHarness _h = new();

    [Theory]
    [InlineData("t-00ab")]
    [InlineData("T-00AB")]
    [InlineData("t-00Ab")]
    public void A_terminal_is_found_by_its_id_in_any_case_with_the_registered_spelling(string asked)
    {
        _h.Register("T-00ab");

        Assert.Equal("T-00ab", _h.Fleet.Get(asked)?.TerminalId);
        Assert.Equal("T-00ab", _h.Fleet.RegisteredId(asked));
    }

    [Fact]
    public void An_id_no_terminal_has_is_not_found_and_comes_back_as_it_was_given()
    {
        _h.Register("T-00ab");

        Assert.Null(_h.Fleet.Get("T-00ac"));
        Assert.Equal("t-00ac", _h.Fleet.RegisteredId("t-00ac"));
    }

    [Fact]
    public void A_change_naming_the_terminal_in_another_case_changes_that_terminal_under_its_registered_id()
    {
        _h.Register("T-00ab", store: "SH-001");

        _h.Fleet.Register(new TerminalRegistration("t-00AB", "SH-002", "A920", null));

        var terminal = Assert.Single(_h.Fleet.All);
        Assert.Equal(("T-00ab", "SH-002"), (terminal.TerminalId, terminal.StoreCode));
        Assert.Empty(_h.Fleet.InStore("SH-001"));
        Assert.Equal("T-00ab", Assert.Single(_h.Fleet.InStore("SH-002")).TerminalId);
    }
}
