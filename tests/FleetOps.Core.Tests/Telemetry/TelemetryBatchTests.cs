using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Telemetry;

public class TelemetryBatchTests
{
    private static void AssertWholeRequestRejected(string body, string expectedInProblem)
    {
        var batch = ParseBatch(body, out var problem);

        Assert.Null(batch);
        Assert.NotNull(problem);
        Assert.Contains(expectedInProblem, problem);
    }

    private static string EventsBody(int count)
    {
        var events = new JsonArray();
        for (var i = 0; i < count; i++) events.Add(Power($"p-{i}"));
        return new JsonObject { ["terminalId"] = "T-0001", ["events"] = events }.ToJsonString();
    }

    [Fact]
    public void Protocol_example_request_parses_all_three_events_in_order()
    {
        var batch = TelemetryBatch.Parse(Body(Heartbeat(), Power(), Transaction()), ServerNow, EventLimits.Default, out var problem);

        Assert.Null(problem);
        Assert.NotNull(batch);
        Assert.Equal("T-0001", batch.TerminalId);
        Assert.Equal([0, 1, 2], batch.Events.Select(e => e.Index));
        Assert.Equal(["e-1", "e-2", "e-3"], batch.Valid.Select(e => e.Id));
        Assert.Collection(batch.Valid,
            e => Assert.IsType<HeartbeatEvent>(e),
            e => Assert.IsType<PowerEvent>(e),
            e => Assert.IsType<TransactionEvent>(e));
        Assert.Empty(batch.Rejected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"terminalId\": \"T-0001\", \"events\": [")]
    public void Body_that_is_not_json_is_a_whole_request_problem(string body)
    {
        AssertWholeRequestRejected(body, "not valid JSON");
    }

    [Fact]
    public void A_byte_order_mark_before_the_json_is_ignored()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Body(Power())).ToArray();

        var batch = TelemetryBatch.Parse(body, ServerNow, EventLimits.Default, out var problem);

        Assert.Null(problem);
        Assert.Equal(["e-2"], batch!.Valid.Select(e => e.Id));
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(200, false)]
    public void A_body_nested_too_deep_says_so_instead_of_calling_itself_not_json(int levels, bool truncated)
    {
        var deep = new string('[', levels) + (truncated ? "" : new string(']', levels));
        var body = "{\"terminalId\": \"T-0001\", \"events\": [{\"id\": \"e-1\", \"extra\": " + deep + "}]}";

        AssertWholeRequestRejected(body, "nests objects and arrays more than 16 levels deep");
    }

    [Fact]
    public void A_body_broken_before_it_gets_deep_is_not_json() =>
        AssertWholeRequestRejected("{\"terminalId\": \"T-0001\", \"events\": [[[[ x", "not valid JSON");

    [Fact]
    public void A_field_of_the_body_given_twice_is_a_whole_request_problem()
    {
        AssertWholeRequestRejected($"{{\"terminalId\": \"T-0002\", \"terminalId\": \"T-0001\", \"events\": [{Power()}]}}",
            "'terminalId' is given twice in the body; give each field once.");
    }

    [Fact]
    public void A_repeated_name_that_is_a_card_number_is_not_repeated_back()
    {
        var batch = ParseBatch($"{{\"terminalId\": \"T-0001\", \"{Pan}\": 1, \"{Pan}\": 2, \"events\": [{Power()}]}}", out var problem);

        Assert.Null(batch);
        Assert.Equal("A field is given twice in the body; give each field once.", problem);
    }

    [Fact]
    public void Thousands_of_names_of_which_one_repeats_are_refused_naming_it()
    {
        // Past sixteen names they go into a set (RepeatedNames): pairwise, 60,000 would be 1.8 billion comparisons.
        var names = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"\"f{i}\":0,"));
        var batch = ParseBatch($"{{\"terminalId\": \"T-0001\", {names}\"f59999\":1, \"events\": [{Power()}]}}", out var problem);

        Assert.Null(batch);
        Assert.Equal("'f59999' is given twice in the body; give each field once.", problem);
    }

    [Theory]
    [InlineData("\"state\": \"restored\"", "'state' is given twice in the event")]
    [InlineData("\"extra\": {\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}", "'c' is given twice in 'extra.b'")]
    public void A_field_of_an_event_given_twice_rejects_that_event_only(string repeated, string reason)
    {
        var second = Power("p-2").ToJsonString();
        var batch = ParseBatch($"{{\"terminalId\": \"T-0001\", \"events\": [{Power("p-1")}, {second[..^1]}, {repeated}}}]}}", out var problem);

        Assert.Null(problem);
        Assert.Equal(["p-1"], batch!.Valid.Select(e => e.Id));
        Assert.Equal($"{reason}; give each field once.", Assert.Single(batch.Rejected).Error);
    }

    [Fact]
    public void Names_differing_only_in_case_are_two_fields_not_a_repeat()
    {
        var batch = ParseBatch($"{{\"terminalId\": \"T-0001\", \"events\": [{Power("p-1").ToJsonString()[..^1]}, \"State\": \"x\"}}]}}", out var problem);

        Assert.Null(problem);
        Assert.Equal(["p-1"], batch!.Valid.Select(e => e.Id));
    }

    [Fact]
    public void Problem_for_broken_json_does_not_quote_the_body()
    {
        ParseBatch($"{{\"terminalId\": \"T-0001\", \"events\": [{{\"note\": \"{Pan}\" oops", out var problem);

        Assert.NotNull(problem);
        Assert.DoesNotContain(Pan, problem);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"T-0001\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Root_that_is_not_an_object_is_a_whole_request_problem(string body)
    {
        AssertWholeRequestRejected(body, "JSON object");
    }

    [Theory]
    [InlineData("{\"events\": [{}]}")]
    [InlineData("{\"terminalId\": 1, \"events\": [{}]}")]
    [InlineData("{\"terminalId\": \"\", \"events\": [{}]}")]
    [InlineData("{\"terminalId\": \"   \", \"events\": [{}]}")]
    [InlineData("{\"terminalId\": null, \"events\": [{}]}")]
    public void Missing_or_blank_terminal_id_is_a_whole_request_problem(string body)
    {
        AssertWholeRequestRejected(body, "'terminalId'");
    }

    [Theory]
    [InlineData("{\"terminalId\": \"T-0001\"}")]
    [InlineData("{\"terminalId\": \"T-0001\", \"events\": {}}")]
    [InlineData("{\"terminalId\": \"T-0001\", \"events\": \"e-1\"}")]
    [InlineData("{\"terminalId\": \"T-0001\", \"events\": null}")]
    public void Events_missing_or_not_an_array_is_a_whole_request_problem(string body)
    {
        AssertWholeRequestRejected(body, "'events' is missing or not an array");
    }

    [Fact]
    public void Zero_events_is_a_whole_request_problem()
    {
        AssertWholeRequestRejected(EventsBody(0), "'events' is empty");
    }

    [Fact]
    public void Five_hundred_and_one_events_is_a_whole_request_problem()
    {
        AssertWholeRequestRejected(EventsBody(501), "at most 500");
    }

    [Fact]
    public void Exactly_five_hundred_events_are_all_accepted()
    {
        var batch = ParseBatch(EventsBody(500), out var problem);

        Assert.Null(problem);
        Assert.Equal(500, batch!.Valid.Count());
    }

    [Fact]
    public void Single_event_is_enough()
    {
        Assert.NotNull(ParseBatch(EventsBody(1), out _));
    }

    [Fact]
    public void Batch_with_some_bad_events_keeps_the_valid_ones_and_lists_each_bad_one_by_index()
    {
        var body = Body(
            Heartbeat("good-0"),
            Power("bad-1", "flicker"),
            Transaction("good-2"),
            Transaction("bad-3").With("amountMinor", 0),
            JsonValue.Create(7),
            Power("good-5", "restored"));

        var batch = TelemetryBatch.Parse(body, ServerNow, EventLimits.Default, out var problem);

        Assert.Null(problem);
        Assert.NotNull(batch);
        Assert.Equal(6, batch.Events.Count);
        Assert.Equal(["good-0", "good-2", "good-5"], batch.Valid.Select(e => e.Id));
        Assert.Equal([1, 3, 4], batch.Rejected.Select(r => r.Index));
        Assert.Equal(["bad-1", "bad-3", null], batch.Rejected.Select(r => r.Id));
        Assert.All(batch.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
        Assert.All(batch.Events, e => Assert.True(e.Event is null ^ e.Error is null));
    }

    [Fact]
    public void Batch_where_every_event_is_bad_still_parses_as_a_request()
    {
        var batch = TelemetryBatch.Parse(Body(Power("a", "x"), Power("b", "y")), ServerNow, EventLimits.Default, out var problem);

        Assert.Null(problem);
        Assert.Empty(batch!.Valid);
        Assert.Equal(2, batch.Rejected.Count());
    }

    [Fact]
    public void Terminal_id_is_taken_from_the_body()
    {
        var batch = TelemetryBatch.Parse(Body("T-0420", Heartbeat()), ServerNow, EventLimits.Default, out _);

        Assert.Equal("T-0420", batch!.TerminalId);
    }

    [Fact]
    public void Unknown_top_level_fields_are_ignored()
    {
        var body = "{\"terminalId\":\"T-0001\",\"sdk\":\"2.1\",\"events\":[" + Power().ToJsonString() + "]}";

        var batch = TelemetryBatch.Parse(Encoding.UTF8.GetBytes(body), ServerNow, EventLimits.Default, out var problem);

        Assert.Null(problem);
        Assert.Single(batch!.Valid);
    }
}
