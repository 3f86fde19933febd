using System.Text.Json;
using System.Text.Json.Serialization;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Tests.Wire;

/// <summary>One table of wire names: every enumeration of the domain is spelled the same by JSON, filters, CSV and pages.</summary>
public sealed class WireNamesTests
{
    public static TheoryData<Type> DomainEnums() =>
        new(typeof(EventType).Assembly.GetExportedTypes().Where(t => t.IsEnum).OrderBy(t => t.FullName));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [MemberData(nameof(DomainEnums))]
    public void Every_member_has_one_lower_snake_case_name_that_json_uses_too(Type enumType)
    {
        var check = typeof(WireNamesTests).GetMethod(nameof(Check), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(enumType);
        check.Invoke(null, null);
    }

    private static void Check<T>() where T : struct, Enum
    {
        var names = WireNames.Names<T>();
        Assert.Equal(Enum.GetValues<T>().Length, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        foreach (var value in Enum.GetValues<T>())
        {
            var wire = value.ToWire();
            Assert.Matches("^[a-z][a-z0-9_]*$", wire);
            // The same spelling in JSON (API bodies, stored payloads) as in filters and CSV.
            Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(value, Json));
            Assert.Equal(value, JsonSerializer.Deserialize<T>($"\"{wire}\"", Json));
            Assert.True(WireNames.TryParse(wire, out T parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Theory]
    [InlineData("InterruptedByPowerLoss")]
    [InlineData("INCOMPLETE")]
    [InlineData("interruptedbypowerloss")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_the_protocol_spelling_parses(string? text) => Assert.False(WireNames.TryParse(text, out UnsettledReason _));

    [Fact]
    public void The_protocol_spellings_are_the_fixed_ones()
    {
        Assert.Equal(["incomplete", "interrupted_by_power_loss", "not_settled", "authorization_expiring", "not_credited"], WireNames.Names<UnsettledReason>());
        Assert.Equal(["lost", "restored", "on_battery", "low_battery", "brownout", "shutdown"], WireNames.Names<PowerState>());
        Assert.Equal("must be one of: mains, battery.", WireNames.OneOf<PowerSource>());
    }

    [Fact]
    public void An_enumeration_known_only_as_a_type_is_explained_when_it_has_wire_names_and_otherwise_not()
    {
        Assert.Equal("must be one of: mains, battery.", WireNames.TryOneOf(typeof(PowerSource)));
        Assert.Equal("must be one of: mains, battery.", WireNames.TryOneOf(typeof(PowerSource?)));
        Assert.Null(WireNames.TryOneOf(typeof(DayOfWeek))); // no wire names: its table would refuse to be built
        Assert.Null(WireNames.TryOneOf(typeof(string)));
    }
}
