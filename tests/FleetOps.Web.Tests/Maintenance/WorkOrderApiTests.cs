using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Alerts;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>Work orders over HTTP (docs/api.md §8): from an alert to done, conflicts, the 422, versions, overdue alerts, access.</summary>
[Collection(AlertClockCollection.Name)]
public sealed class WorkOrderApiTests(AlertClockApp app)
{
    private async Task<long> AlertOfAsync(HttpClient admin, string store)
    {
        using var response = await admin.GetAsync($"/api/v1/alerts?store={store}");
        return Assert.Single((await Expect.JsonObjectAsync(response)).Items())["id"]!.GetValue<long>();
    }

    private async Task<IReadOnlyList<JsonObject>> MutesOfAsync(HttpClient admin, string store)
    {
        using var response = await admin.GetAsync("/api/v1/mutes");
        return (await Expect.JsonObjectAsync(response)).Items().Where(m => Expect.Wire(m["storeCode"]) == store).ToList();
    }

    /// <summary>An inspection of a new store, started: ready to be completed.</summary>
    private async Task<JsonObject> StartedInspectionAsync(HttpClient admin)
    {
        var order = await admin.CreateInspectionAsync(await app.CreateStoreAsync(Ids.New("S")), app.Now().AddDays(2));
        await Expect.StatusAsync(await admin.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        return order;
    }

    [Fact]
    public async Task An_alert_becomes_a_network_check_that_the_technician_does_on_site_muted_until_done()
    {
        var (store, terminal, _) = await app.OfflineTerminalAsync();
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();
        using var tech = app.CreateTokenClient((await app.CreateApiTokenAsync(technician)).Token);
        var alertId = await AlertOfAsync(admin, store);

        var order = await admin.CreateWorkOrderAsync(new { alertId });
        var again = await admin.CreateWorkOrderAsync(new { alertId });

        Assert.Equal(order.Id(), again.Id()); // one open work order per alert
        Assert.Equal(("network", "cable_network", terminal, alertId), (Expect.Wire(order["kind"]), Expect.Wire(order["checklistKey"]),
            Expect.Wire(order["terminalId"]), order["alertId"]!.GetValue<long>()));
        var now = app.Now();
        await Expect.StatusAsync(await admin.ScheduleAsync(order.Id(), technician.Email, now.AddHours(1), now.AddHours(2)), HttpStatusCode.OK);
        await Expect.StatusAsync(await tech.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        var mute = Assert.Single(await MutesOfAsync(admin, store));
        Assert.Equal(terminal, Expect.Wire(mute["terminalId"]));
        Assert.StartsWith("maintenance visit", Expect.Wire(mute["reason"]));

        var refused = await Expect.ProblemAsync(await tech.CommandAsync(order.Id(), "complete", new
        {
            results = new object[] { new { item = "cables_secured", value = true }, new { item = "ping_ms", value = 900 } },
        }), HttpStatusCode.UnprocessableEntity);
        var problems = refused["problems"]!.AsArray().Select(p => (Expect.Wire(p!["item"]), Expect.Wire(p["reason"]))).ToList();
        Assert.Contains(("ping_ms", "out_of_limits"), problems);
        Assert.Contains(("connectors_ok", "missing"), problems);
        Assert.Contains(("manager_signature", "missing"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == "backup_link"); // not required

        var signature = await tech.SignAsync(order.Id());
        using var done = await tech.CommandAsync(order.Id(), "complete", new
        {
            results = new object[]
            {
                new { item = "cables_secured", value = true }, new { item = "connectors_ok", value = true }, new { item = "router_ok", value = true },
                new { item = "ping_ms", value = 900, note = "Uplink congested; ISP ticket raised" }, new { item = "packet_loss", value = 0 },
                new { item = "manager_signature", value = $"{signature}" },
            },
            signedBy = "Li Wei",
        });
        Assert.Equal("done", Expect.Wire((await Expect.JsonObjectAsync(done))["state"]));
        Assert.Empty(await MutesOfAsync(admin, store));
        var detail = await admin.WorkOrderAsync(order.Id());
        Assert.Equal("offline", Expect.Wire(detail["alert"]!["kind"]));
        Assert.Equal(terminal, Expect.Wire(detail["alert"]!["terminalId"]));
        var listed = (await admin.WorkOrdersAsync($"?store={store}&state=done")).OfType<JsonObject>().Single(o => o.Id() == order.Id());
        Assert.False(listed.ContainsKey("alert")); // lists leave the evidence out rather than say "alert": null beside an alertId
        Assert.NotNull(listed["alertId"]);
        Assert.True(detail["results"]!.AsArray().Single(r => Expect.Wire(r!["item"]) == "ping_ms")!["flagged"]!.GetValue<bool>());
        Assert.Equal("Li Wei", Expect.Wire(detail["signedBy"]));
        Assert.Contains(await app.AuditAsync(AuditActions.WorkOrderCompleted), a => a.Target == $"work order {order.Id()}");
    }

    [Fact]
    public async Task A_work_order_reads_the_same_times_after_each_change_as_a_restart_reads_them_not_the_callers_offset_and_ticks()
    {
        using var admin = app.CreateAdminClient();
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        var shanghai = TimeSpan.FromHours(8);
        // A caller's times in the store's offset with sub-millisecond ticks: the database keeps UTC milliseconds.
        var due = app.Now().AddDays(2).AddTicks(1234).ToOffset(shanghai);
        var start = app.Now().AddDays(1).AddTicks(5678).ToOffset(shanghai);

        var created = await admin.CreateInspectionAsync(store, due);
        using var booked = await admin.ScheduleAsync(created.Id(), technician.Email, start, start.AddHours(1));
        var afterBooking = (await Expect.JsonObjectAsync(booked))["workOrder"]!.AsObject();
        using var started = await admin.CommandAsync(created.Id(), "start");
        var afterStart = await Expect.JsonObjectAsync(started);
        var read = await admin.WorkOrderAsync(created.Id());

        var stored = due.ToUniversalTime().ToUnixTimeMilliseconds();
        var expectedDue = DateTimeOffset.FromUnixTimeMilliseconds(stored);
        foreach (var order in new[] { created, afterBooking, afterStart, read })
        {
            Assert.Equal(expectedDue, DateTimeOffset.Parse(Expect.Wire(order["dueAt"]), System.Globalization.CultureInfo.InvariantCulture));
            Assert.EndsWith("+00:00", Expect.Wire(order["dueAt"]));
            Assert.Equal(Expect.Wire(read["createdAt"]), Expect.Wire(order["createdAt"]));
        }
        Assert.Equal(Expect.Wire(read["scheduledStart"]), Expect.Wire(afterBooking["scheduledStart"]));
        Assert.Equal(Expect.Wire(read["startedAt"]), Expect.Wire(afterStart["startedAt"]));
        // Every time as the database keeps it: UTC, to the millisecond.
        foreach (var (order, field) in new[] { (afterBooking, "scheduledStart"), (afterBooking, "scheduledEnd"), (afterStart, "startedAt"), (read, "scheduledEnd") })
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?\+00:00$", Expect.Wire(order[field]));
        }
    }

    [Fact]
    public async Task Booking_a_technician_twice_at_once_warns_of_the_conflict_and_an_end_before_the_start_is_refused()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();
        var start = app.Now().AddDays(1);
        var first = await admin.CreateInspectionAsync(store, start.AddDays(2));
        var second = await admin.CreateInspectionAsync(store, start.AddDays(2));
        await Expect.StatusAsync(await admin.ScheduleAsync(first.Id(), technician.Email, start, start.AddHours(2)), HttpStatusCode.OK);

        using var overlapping = await admin.ScheduleAsync(second.Id(), technician.Email, start.AddHours(1), start.AddHours(3));

        var conflict = Assert.Single((await Expect.JsonObjectAsync(overlapping))["conflicts"]!.AsArray());
        Assert.Equal(first.Id(), conflict!["id"]!.GetValue<long>());
        Assert.Equal("scheduled", Expect.Wire((await admin.WorkOrderAsync(second.Id()))["state"])); // booked anyway
        using var apart = await admin.ScheduleAsync(second.Id(), technician.Email, start.AddHours(2), start.AddHours(3));
        Assert.Empty((await Expect.JsonObjectAsync(apart))["conflicts"]!.AsArray());
        await Expect.ProblemAsync(await admin.ScheduleAsync(second.Id(), technician.Email, start.AddHours(3), start.AddHours(2)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Work_from_an_alert_is_at_the_alerts_store_and_terminal_so_the_alerts_own_store_still_gets_it()
    {
        var (store, terminal, _) = await app.OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        var alertId = await AlertOfAsync(admin, store);
        var otherStore = await app.CreateStoreAsync(Ids.New("S"));
        var (neighbour, _) = await app.NewTerminalAsync(store);
        object Body(string? storeCode, string? terminalId) => new
        {
            storeCode, terminalId, title = "x", kind = "inspection", priority = "normal", dueAt = app.Now().AddDays(1), checklist = "terminal_inspection", alertId,
        };

        using var elsewhere = await admin.PostAsJsonAsync("/api/v1/workorders", Body(otherStore, null));
        using var otherTerminal = await admin.PostAsJsonAsync("/api/v1/workorders", Body(null, neighbour));

        Assert.Equal("storeCode", Expect.Wire((await Expect.ProblemAsync(elsewhere, HttpStatusCode.BadRequest))["field"]));
        Assert.Equal("terminalId", Expect.Wire((await Expect.ProblemAsync(otherTerminal, HttpStatusCode.BadRequest))["field"]));
        Assert.Empty(await admin.WorkOrdersAsync($"?store={otherStore}"));
        var order = await admin.CreateWorkOrderAsync(Body(store, terminal)); // naming the alert's own store and terminal is fine
        Assert.Equal((store, terminal, alertId), (Expect.Wire(order["storeCode"]), Expect.Wire(order["terminalId"]), order["alertId"]!.GetValue<long>()));

        // Without an alert, a terminal of another store is named as the field to fix too (docs/api.md §8).
        var (stranger, _) = await app.NewTerminalAsync(otherStore);
        using var notThere = await admin.PostAsJsonAsync("/api/v1/workorders", new
        {
            storeCode = store, terminalId = stranger, title = "x", kind = "inspection", priority = "normal", dueAt = app.Now().AddDays(1),
            checklist = "terminal_inspection",
        });
        var problem = await Expect.ProblemAsync(notThere, HttpStatusCode.BadRequest);
        Assert.Equal(("terminalId", $"There is no terminal '{stranger}' in store '{store}'."), (Expect.Wire(problem["field"]), Expect.Wire(problem["detail"])));
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_of_alerts_and_work_orders_is_empty_rather_than_the_first_page_again()
    {
        var (store, _, _) = await app.OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        await admin.CreateInspectionAsync(store, app.Now().AddDays(1));

        // (page − 1) × 500 wrapped to a negative offset in int: the first page again (a 500 on PostgreSQL).
        foreach (var list in new[] { $"/api/v1/alerts?state=all&store={store}", $"/api/v1/workorders?store={store}" })
        {
            using var first = await admin.GetAsync($"{list}&page=1&pageSize=500");
            using var far = await admin.GetAsync($"{list}&page=8589935&pageSize=500");

            Assert.NotEmpty((await Expect.JsonObjectAsync(first)).Items());
            var page = await Expect.JsonObjectAsync(far);
            Assert.Empty(page.Items());
            Assert.True(page["total"]!.GetValue<int>() > 0, list);
        }
    }

    [Fact]
    public async Task A_result_written_as_null_is_an_unknown_item_of_the_422_and_the_work_stays_in_progress()
    {
        using var admin = app.CreateAdminClient();
        var order = await StartedInspectionAsync(admin);

        using var response = await admin.PostAsync($"/api/v1/workorders/{order.Id()}/complete",
            new StringContent("""{"results":[null],"signedBy":"Li Wei"}""", System.Text.Encoding.UTF8, "application/json"));

        var refused = await Expect.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(refused["problems"]!.AsArray(), p => Expect.Wire(p!["reason"]) == "unknown_item");
        Assert.Equal("in_progress", Expect.Wire((await admin.WorkOrderAsync(order.Id()))["state"]));
    }

    [Fact]
    public async Task An_item_answered_twice_is_a_400_naming_results_and_the_work_stays_in_progress()
    {
        using var admin = app.CreateAdminClient();
        var order = await StartedInspectionAsync(admin);
        var signature = await admin.SignAsync(order.Id());

        using var response = await admin.CommandAsync(order.Id(), "complete", new
        {
            results = new object[]
            {
                new { item = "housing_intact", value = true }, new { item = "no_tampering", value = true }, new { item = "card_reader_ok", value = true },
                new { item = "printer_ok", value = true }, new { item = "manager_signature", value = $"{signature}" },
                new { item = "housing_intact", value = false },
            },
            signedBy = "Li Wei",
        });

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("results", Expect.Wire(problem["field"]));
        Assert.Contains("housing_intact", Expect.Wire(problem["detail"]));
        var detail = await admin.WorkOrderAsync(order.Id());
        Assert.Equal("in_progress", Expect.Wire(detail["state"]));
        Assert.Empty(detail["results"]!.AsArray());
    }

    [Fact]
    public async Task Work_past_due_raises_maintenance_overdue_which_resolves_when_it_is_cancelled()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var order = await admin.CreateInspectionAsync(store, app.Now().AddMinutes(5));
        Assert.False(order["overdue"]!.GetValue<bool>());

        await app.AdvanceAndEvaluateAsync(TimeSpan.FromMinutes(6));

        Assert.True((await admin.WorkOrderAsync(order.Id()))["overdue"]!.GetValue<bool>());
        using (var alerts = await admin.GetAsync($"/api/v1/alerts?store={store}&kind=maintenance_overdue"))
        {
            var alert = Assert.Single((await Expect.JsonObjectAsync(alerts)).Items());
            Assert.Equal("warning", Expect.Wire(alert["severity"]));
            Assert.Null(alert["terminalId"]);
        }
        await Expect.StatusAsync(await admin.CommandAsync(order.Id(), "cancel", new { reason = "Store closed for refit" }), HttpStatusCode.OK);
        await app.GetService<AlertService>().EvaluateAsync();
        using var after = await admin.GetAsync($"/api/v1/alerts?store={store}&kind=maintenance_overdue");
        Assert.Empty((await Expect.JsonObjectAsync(after)).Items());
        await Expect.ProblemAsync(await admin.CommandAsync(order.Id(), "start"), HttpStatusCode.Conflict); // cancelled is final
    }

    [Fact]
    public async Task Technicians_see_only_their_work_and_store_managers_see_their_stores_work_but_do_not_dispatch()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var mine = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        var other = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        using var admin = app.CreateAdminClient();
        var order = await admin.CreateInspectionAsync(store, app.Now().AddDays(2));
        var start = app.Now().AddDays(1);
        await Expect.StatusAsync(await admin.ScheduleAsync(order.Id(), mine.Email, start, start.AddHours(1)), HttpStatusCode.OK);
        using var mineClient = app.CreateTokenClient((await app.CreateApiTokenAsync(mine)).Token);
        using var otherClient = app.CreateTokenClient((await app.CreateApiTokenAsync(other)).Token);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        Assert.Single(await mineClient.WorkOrdersAsync(""));
        Assert.Empty(await otherClient.WorkOrdersAsync(""));
        await Expect.ProblemAsync(await otherClient.GetAsync($"/api/v1/workorders/{order.Id()}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await otherClient.CommandAsync(order.Id(), "start"), HttpStatusCode.NotFound);
        Assert.Single(await managerClient.WorkOrdersAsync($"?store={store}"));
        await Expect.ProblemAsync(await managerClient.CommandAsync(order.Id(), "cancel"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await managerClient.ScheduleAsync(order.Id(), other.Email, start, start.AddHours(1)), HttpStatusCode.Forbidden);
        // The technician may not cancel their own work: told why, not that the work is someone else's.
        var notCancelled = await Expect.ProblemAsync(await mineClient.CommandAsync(order.Id(), "cancel", new { reason = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal("Only administrators and regional managers of the store may schedule or cancel work orders.", Expect.Wire(notCancelled["detail"]));
        // Nor is work booked to a disabled person, who is named as disabled rather than unknown.
        await app.SetDisabledAsync(other, disabled: true);
        var disabled = await Expect.ProblemAsync(await admin.ScheduleAsync(order.Id(), other.Email, start, start.AddHours(1)), HttpStatusCode.BadRequest);
        Assert.Equal($"The user '{other.Email}' is disabled: no work can be booked to them.", Expect.Wire(disabled["detail"]));
        using var created = await mineClient.PostAsJsonAsync("/api/v1/workorders", new { storeCode = store, title = "x", dueAt = start, checklist = "terminal_inspection" });
        await Expect.ProblemAsync(created, HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await mineClient.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
    }

    /// <summary>A technician of <paramref name="store"/> with an inspection there booked to them, their API token and their calendar feed's path.</summary>
    private async Task<(TestUser Technician, string Token, JsonObject Order, string Feed)> BookedTechnicianAsync(string store)
    {
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();
        var token = (await app.CreateApiTokenAsync(technician)).Token;
        using var client = app.CreateTokenClient(token);
        var order = await admin.CreateInspectionAsync(store, app.Now().AddDays(2));
        var start = app.Now().AddDays(1);
        await Expect.StatusAsync(await admin.ScheduleAsync(order.Id(), technician.Email, start, start.AddHours(1)), HttpStatusCode.OK);
        using var created = await client.PostAsync("/api/v1/calendar/feed", null);
        return (technician, token, order, $"/calendar/{Expect.Wire((await Expect.JsonObjectAsync(created))["token"])}.ics");
    }

    [Fact]
    public async Task A_technician_taken_off_a_store_no_longer_sees_the_work_booked_to_them_there()
    {
        var elsewhere = await app.CreateStoreAsync(Ids.New("S"));
        var (technician, token, order, feed) = await BookedTechnicianAsync(await app.CreateStoreAsync(Ids.New("S")));
        using var tech = app.CreateTokenClient(token);
        using var anonymous = app.CreateAnonymousClient();

        await app.UpdateUserAsync(technician, Roles.Technician, stores: [elsewhere]);

        // Still booked to them, but at a store they no longer look after: answered like any work order of another store.
        await Expect.ProblemAsync(await tech.GetAsync($"/api/v1/workorders/{order.Id()}"), HttpStatusCode.NotFound);
        Assert.Empty(await tech.WorkOrdersAsync(""));
        await Expect.ProblemAsync(await tech.CommandAsync(order.Id(), "start"), HttpStatusCode.NotFound);
        using var calendar = await anonymous.GetAsync(feed);
        await Expect.StatusAsync(calendar, HttpStatusCode.OK);
        Assert.DoesNotContain($"UID:workorder-{order.Id()}@fleetops", await calendar.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_technicians_calendar_feed_lists_their_bookings_until_revoked()
    {
        var (_, token, order, path) = await BookedTechnicianAsync(await app.CreateStoreAsync(Ids.New("S")));
        using var tech = app.CreateTokenClient(token);
        using var anonymous = app.CreateAnonymousClient();
        using var feed = await anonymous.GetAsync(path);

        await Expect.StatusAsync(feed, HttpStatusCode.OK);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains($"UID:workorder-{order.Id()}@fleetops", ics);
        Assert.Contains("SUMMARY:Quarterly inspection", ics);
        await Expect.StatusAsync(await tech.DeleteAsync("/api/v1/calendar/feed"), HttpStatusCode.NoContent);
        await Expect.ProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_work_order_from_an_alert_may_name_the_alerts_terminal_in_another_letter_case()
    {
        var (store, terminal, _) = await app.OfflineTerminalAsync();
        using var admin = app.CreateAdminClient();
        var alertId = await AlertOfAsync(admin, store);

        var order = await admin.CreateWorkOrderAsync(new { alertId, terminalId = terminal.ToUpperInvariant() });

        Assert.Equal((terminal, alertId), (Expect.Wire(order["terminalId"]), order["alertId"]!.GetValue<long>()));
    }
}
