using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// Checklists over HTTP (docs/api.md §8): their text goes through the text rule and a card number is refused with nothing
/// saved, an item written as null is named, and an edit makes a new version that open work does not follow.
/// </summary>
[Collection(AlertClockCollection.Name)]
public sealed class ChecklistApiTests(AlertClockApp app)
{
    public static TheoryData<string, string, string> RefusedChecklistText() => new()
    {
        // what, the item's JSON, the field the message names
        { "card number in a unit", """{"key":"a","label":"A","type":"number","required":true,"unit":"4111-1111-1111-1111"}""", "unit" },
        { "NUL and ESC in a unit", """{"key":"a","label":"A","type":"number","required":true,"unit":"a\u0000\u001b[31mb"}""", "unit" },
        { "card number in a label", """{"key":"a","label":"4111 1111 1111 1111","type":"check","required":true}""", "label" },
        { "card number in an item key", """{"key":"a4111111111111111","label":"A","type":"check","required":true}""", "key" },
    };

    [Theory]
    [MemberData(nameof(RefusedChecklistText))]
    public async Task Checklist_text_goes_through_the_text_rule_named_never_quoted_and_nothing_is_saved(string what, string item, string field)
    {
        using var admin = app.CreateAdminClient();
        var key = Ids.New("probe").ToLowerInvariant().Replace('-', '_');

        using var response = await admin.PutAsync($"/api/v1/checklists/{key}",
            new StringContent($$"""{"title":"t","items":[{{item}}]}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = Expect.Wire(problem["detail"]);
        Assert.Equal("items[0]", Expect.Wire(problem["field"]));
        Assert.True(detail.StartsWith($"'{field}' ", StringComparison.Ordinal) && !detail.Contains("1111", StringComparison.Ordinal), $"{what}: {detail}");
        Assert.Null(app.GetService<FleetOps.Web.Maintenance.MaintenanceBook>().Template(key));
    }

    [Fact]
    public async Task A_checklist_item_written_as_null_is_a_400_naming_the_item_and_nothing_is_saved()
    {
        using var admin = app.CreateAdminClient();
        var key = Ids.New("probe").ToLowerInvariant().Replace('-', '_');

        using var response = await admin.PutAsync($"/api/v1/checklists/{key}",
            new StringContent("""{"title":"t","items":[{"key":"a","label":"A","type":"check","required":true},null]}""", System.Text.Encoding.UTF8,
                "application/json"));

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("items[1]", Expect.Wire(problem["field"]));
        Assert.Null(app.GetService<FleetOps.Web.Maintenance.MaintenanceBook>().Template(key));
    }

    [Fact]
    public async Task A_checklist_key_holding_a_card_number_is_refused()
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.PutAsJsonAsync("/api/v1/checklists/a4111111111111111", new
        {
            title = "t", items = new[] { new { key = "a", label = "A", type = "check", required = true } },
        });

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("key", Expect.Wire(problem["field"]));
        Assert.DoesNotContain("1111", Expect.Wire(problem["detail"]), StringComparison.Ordinal);
        Assert.Null(app.GetService<FleetOps.Web.Maintenance.MaintenanceBook>().Template("a4111111111111111"));
    }

    [Fact]
    public async Task Editing_a_checklist_makes_a_new_version_and_open_work_keeps_the_one_it_was_made_with()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var key = Ids.New("custom").ToLowerInvariant().Replace('-', '_');
        using (var v1 = await admin.PutAsJsonAsync($"/api/v1/checklists/{key}", new
        {
            title = "Custom", items = new[] { new { key = "a", label = "Check A", type = "check", required = true } },
        }))
        {
            Assert.Equal(1, (await Expect.JsonObjectAsync(v1))["version"]!.GetValue<int>());
        }
        var order = await admin.CreateWorkOrderAsync(new { storeCode = store, title = "Custom work", kind = "other", dueAt = app.Now().AddDays(3), checklist = key });

        using var v2 = await admin.PutAsJsonAsync($"/api/v1/checklists/{key}", new
        {
            title = "Custom", items = new object[]
            {
                new { key = "a", label = "Check A", type = "check", required = true },
                new { key = "b", label = "Reading B", type = "number", required = true, unit = "V", min = 1, max = 2 },
            },
        });

        Assert.Equal(2, (await Expect.JsonObjectAsync(v2))["version"]!.GetValue<int>());
        var detail = await admin.WorkOrderAsync(order.Id());
        Assert.Equal(1, detail["checklist"]!["version"]!.GetValue<int>());
        Assert.Single(detail["checklist"]!["items"]!.AsArray());
        using var list = await admin.GetAsync("/api/v1/checklists");
        var listed = (await list.Content.ReadFromJsonAsync<JsonArray>())!.Single(t => Expect.Wire(t!["key"]) == key)!;
        Assert.Equal(2, listed["version"]!.GetValue<int>());
        await Expect.StatusAsync(await admin.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        using var completed = await admin.CommandAsync(order.Id(), "complete", new { results = new[] { new { item = "a", value = true } } });
        await Expect.StatusAsync(completed, HttpStatusCode.OK); // v1 has no "b" to miss
    }
}
