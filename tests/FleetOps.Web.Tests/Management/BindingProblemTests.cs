using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Wire;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// A management body the endpoint cannot bind — not JSON, the wrong shape, a value of the wrong type, a timestamp without
/// an offset — is a 400 whose detail says which field and why (outside Development minimal APIs said nothing), in the
/// caller's language; the value itself is never repeated nor logged, and nothing is stored.
/// </summary>
public sealed class BindingProblemTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/api/v1/stores", """{"code":123,"name":"Shop","region":"East","timeZone":"Asia/Shanghai"}""", "'code' has a value of the wrong type." },
        { "/api/v1/stores", "not json", "The request body is not valid JSON of the expected shape." },
        { "/api/v1/stores", "[]", "The request body is not valid JSON of the expected shape." },
        { "/api/v1/stores", "null", "The request body is missing or is not JSON." },
        { "/api/v1/stores", """{"code":"S-dup","name":"Shop","region":"East","timeZone":"Asia/Shanghai","code":"S-dup2"}""",
            "'code' is given more than once; give each field once." },
        { "/api/v1/stores", """{"code":"S-dup","name":"Shop","region":"East","timeZone":"Asia/Shanghai","Code":"S-dup2"}""",
            "'Code' is given more than once; give each field once." },
        { "/api/v1/mutes", """{"storeCode":"S-1","from":"2026-12-05T10:00:00","until":"2026-12-05T12:00:00Z","reason":"x"}""",
            "'from' must be an RFC 3339 timestamp with an offset, e.g. 2026-11-25T08:00:00+08:00." },
        { "/api/v1/mutes", """{"storeCode":"S-1","from":"2026-12-05T10:00:00Z","until":"2026-12-05","reason":"x"}""",
            "'until' must be an RFC 3339 timestamp with an offset, e.g. 2026-11-25T08:00:00+08:00." },
        { "/api/v1/workorders", """{"storeCode":"S-1","title":"x","kind":"inspection","priority":"normal","dueAt":"2026-12-07","checklist":"terminal_inspection"}""",
            "'dueAt' must be an RFC 3339 timestamp with an offset, e.g. 2026-11-25T08:00:00+08:00." },
        { "/api/v1/workorders", """{"storeCode":"S-1","title":"x","kind":"inspection","priority":"normal","dueAt":"9999-12-31T00:00:00Z","checklist":"terminal_inspection"}""",
            "'dueAt' must be from 2000-01-01 to 2099-12-31 (UTC for a date and time)." },
        { "/api/v1/mutes", """{"storeCode":"S-1","from":"0001-01-02T00:00:00+08:00","until":"2026-12-05T12:00:00Z","reason":"x"}""",
            "'from' must be from 2000-01-01 to 2099-12-31 (UTC for a date and time)." },
        { "/api/v1/stores/S-1/staff", """{"name":"Li Na","role":"cashier","startedOn":"9999-12-31"}""",
            "'startedOn' must be from 2000-01-01 to 2099-12-31 (UTC for a date and time)." },
        { "/api/v1/stores/S-1/staff", """{"name":"Li Na","role":"cashier","startedOn":"28/11/2026"}""", "'startedOn' must be a date such as 2026-11-28." },
        // A name the enumeration does not have is told the names it has (a nullable field, a list's item, a nested field).
        { "/api/v1/workorders", """{"storeCode":"S-1","title":"x","kind":"bogus","priority":"normal","dueAt":"2026-12-07T10:00:00Z","checklist":"terminal_inspection"}""",
            "'kind' must be one of: inspection, power, battery, software, network, repair, other." },
        // A number where a name is expected is refused alike, not read as an enumeration member that does not exist.
        { "/api/v1/workorders", """{"storeCode":"S-1","title":"x","kind":42,"priority":"normal","dueAt":"2026-12-07T10:00:00Z","checklist":"terminal_inspection"}""",
            "'kind' must be one of: inspection, power, battery, software, network, repair, other." },
        { "/api/v1/workorders", """{"storeCode":"S-1","title":"x","kind":"inspection","priority":"urgent!","dueAt":"2026-12-07T10:00:00Z","checklist":"terminal_inspection"}""",
            $"'priority' {WireNames.OneOf<WorkOrderPriority>()}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_the_endpoint_cannot_bind_is_400_naming_the_field(string path, string body, string detail)
    {
        using var response = await PostAsync(path, body);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(detail, Expect.Wire(problem["detail"]));
    }

    [Fact]
    public async Task The_detail_follows_the_callers_language()
    {
        using var response = await PostAsync("/api/v1/stores", """{"code":123,"name":"Shop","region":"East","timeZone":"Asia/Shanghai"}""", "zh-CN");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("“code”的值类型或格式不对。", Expect.Wire(problem["detail"]));

        using var unknownName = await PostAsync("/api/v1/workorders",
            """{"storeCode":"S-1","title":"x","kind":"bogus","priority":"normal","dueAt":"2026-12-07T10:00:00Z","checklist":"terminal_inspection"}""", "zh-CN");
        var names = await Expect.ProblemAsync(unknownName, HttpStatusCode.BadRequest);
        Assert.Equal("“kind”须为以下之一：inspection, power, battery, software, network, repair, other。", Expect.Wire(names["detail"]));
    }

    [Fact]
    public async Task A_date_outside_the_calendar_is_refused_in_the_callers_language()
    {
        using var response = await PostAsync("/api/v1/workorders",
            """{"storeCode":"S-1","title":"x","kind":"inspection","priority":"normal","dueAt":"9999-12-31T00:00:00Z","checklist":"terminal_inspection"}""", "zh-CN");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("“dueAt”必须在 2000-01-01 至 2099-12-31 之间（日期时间按 UTC 计）。", Expect.Wire(problem["detail"]));
    }

    [Fact]
    public async Task A_card_number_of_the_wrong_type_is_neither_repeated_nor_logged_nor_stored()
    {
        const string pan = "4111111111111111";
        var code = Ids.New("S");

        using var response = await PostAsync("/api/v1/stores", $$"""{"code":"{{code}}","name":{{pan}},"region":"East","timeZone":"Asia/Shanghai"}""");

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("'name' has a value of the wrong type.", Expect.Wire(problem["detail"]));
        Assert.DoesNotContain(pan, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(LogFiles.Containing(pan));
        using var client = app.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/stores/{code}")).StatusCode);
    }

    [Fact]
    public async Task A_timestamp_with_an_offset_is_still_taken_as_the_moment_it_names()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));

        using var response = await PostAsync("/api/v1/mutes",
            $$"""{"storeCode":"{{store}}","from":"2099-12-05T10:00:00+08:00","until":"2099-12-05t12:00:00z","reason":"refit"}""");

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var mute = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(new DateTimeOffset(2099, 12, 5, 2, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(Expect.Wire(mute["from"])));
        Assert.Equal(new DateTimeOffset(2099, 12, 5, 12, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(Expect.Wire(mute["until"])));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? language = null)
    {
        using var client = app.CreateAdminClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(path, content);
    }
}
