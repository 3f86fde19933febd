using System.Text.Json.Nodes;
using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

/// <summary>The <c>software</c> event of docs/api.md §7: each state parses; a bad field refuses that event alone, naming the field.</summary>
public class SoftwareEventParserTests
{
    [Theory]
    [InlineData("downloading", SoftwareState.Downloading)]
    [InlineData("installing", SoftwareState.Installing)]
    [InlineData("installed", SoftwareState.Installed)]
    [InlineData("failed", SoftwareState.Failed)]
    public void Every_software_state_of_the_protocol_parses(string wire, SoftwareState expected)
    {
        var software = Assert.IsType<SoftwareEvent>(Parse(Software(state: wire)).Event);

        Assert.Equal(expected, software.State);
        Assert.Equal("3.3.0", software.Version);
        Assert.Equal(wire, software.Detail);
        Assert.Equal(EventType.Software, software.Type);
    }

    [Fact]
    public void Failure_keeps_its_error_and_the_error_is_optional()
    {
        Assert.Equal("signature check failed", Assert.IsType<SoftwareEvent>(Parse(Software()).Event).Error);
        Assert.Null(Assert.IsType<SoftwareEvent>(Parse(Software(state: "installed").Without("error")).Event).Error);
    }

    [Theory]
    [InlineData("state", "\"rebooting\"", "'state' must be one of: downloading, installing, installed, failed")]
    [InlineData("state", "3", "'state'")]
    [InlineData("state", null, "'state' is required")]
    [InlineData("version", null, "'version' is required")]
    [InlineData("version", "\"\"", "'version' must be 1–32 characters")]
    [InlineData("version", "\"   \"", "'version' must be 1–32 characters")]
    [InlineData("version", "\"3.3.0-rc.abcdefghijklmnopqrstuvwxyz\"", "'version' must be 1–32 characters")]
    [InlineData("version", "330", "'version'")]
    [InlineData("error", "\"\"", "'error' must be 1–500 characters")]
    [InlineData("error", "42", "'error' must be a string")]
    [InlineData("error", "\"bad\\u0007bell\"", "control character")]
    [InlineData("error", "\"card 4111 1111 1111 1111 declined\"", "card number")]
    public void Bad_field_rejects_only_that_event_with_the_reason(string field, string? json, string reason)
    {
        var suspect = json is null ? Software("bad").Without(field) : Software("bad").With(field, JsonNode.Parse(json));

        var batch = ParseBetweenValidEvents(suspect);

        Assert.Equal(["ok-1", "ok-2"], batch.Valid.Select(e => e.Id));
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(1, rejected.Index);
        Assert.Contains(reason, rejected.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("4111", rejected.Error);
    }

    [Fact]
    public void Overlong_error_is_refused()
    {
        var rejected = Parse(Software().With("error", new string('x', 501)));

        Assert.Null(rejected.Event);
        Assert.Contains("'error' must be 1–500 characters", rejected.Error);
    }
}
