using static FleetOps.Web.Tests.Infrastructure.TwoRegionFleet;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// The access matrix: every person (and anonymous) × every page, API call and export, with the answer expected.
/// A row is (who, via, request, status, items): via is "cookie" (signed in through the form), "token" (the person's API
/// token) or "none"; items, when present, are exactly the terminal ids or store codes the answer must list.
/// </summary>
public static class AccessMatrixRows
{
    /// <summary>
    /// Pages render interactively (no prerender): the server only decides signed-in (200, the page shell) or not (redirect
    /// to sign-in). What a page then shows is scoped by the same services the API, export and hub rows below check.
    /// </summary>
    public static readonly string[] Pages =
        ["/", "/terminals", "/stores", $"/stores/{E1}", $"/terminals/{E1A}", "/transactions/unsettled", $"/transactions/{E1A}/000123-0001", "/power", "/success-rate",
         "/maintenance", "/maintenance/workorders/1", "/maintenance/plans", "/maintenance/checklists", "/maintenance/checklists/power_ups", "/maintenance/kpis",
         $"/stores/{E1}/emergency-plan", "/training", $"/stores/{E1}/training/record"];

    public static readonly string[] AdministratorPages = ["/admin/users", "/admin/audit"];

    public static IEnumerable<object?[]> All()
    {
        foreach (var person in People)
        {
            foreach (var via in new[] { "cookie", "token" })
            {
                foreach (var row in SignedInRows(person, via)) yield return row;
            }
        }
        foreach (var row in AnonymousRows()) yield return row;
    }

    private static IEnumerable<object?[]> SignedInRows(string person, string via)
    {
        object?[] Row(string request, int status, IEnumerable<string>? items = null) =>
            [person, via, request, status, items is null ? null : string.Join(' ', items.Order(StringComparer.Ordinal))];

        var terminals = TerminalsOf(person);
        var isAdministrator = person == Administrator;
        if (via == "cookie")
        {
            foreach (var page in Pages) yield return Row($"GET {page}", 200);
        }
        yield return Row("GET /api/v1/terminals", 200, terminals);
        // A filter naming another store cannot widen the scope: it narrows what the person may see.
        yield return Row($"GET /api/v1/terminals?store={N1}", 200, terminals.Where(t => StoreOf(t) == N1));
        foreach (var terminal in AllTerminals)
        {
            yield return Row($"GET /api/v1/terminals/{terminal}", terminals.Contains(terminal) ? 200 : 404);
        }
        yield return Row("GET /api/v1/terminals/M-NO-SUCH", 404);
        yield return Row("GET /api/v1/stores", 200, StoresOf(person));
        yield return Row("GET /export/terminals.csv", 200, terminals);
        yield return Row($"GET /export/terminals.csv?store={N1}", 200, terminals.Where(t => StoreOf(t) == N1));
        yield return Row("POST /api/v1/stores", isAdministrator ? 201 : 403);
        yield return Row("POST /api/v1/terminals", isAdministrator ? 201 : 403);
        yield return Row("PUT /api/v1/software/targets/X-MODEL", isAdministrator ? 200 : 403);
        yield return Row("GET /api/v1/node", isAdministrator ? 200 : 403);
        // The Users API (PROTOCOL §4b) is for administrators only; what it does is UsersApiTests' matter.
        yield return Row("GET /api/v1/users", isAdministrator ? 200 : 403);
        yield return Row("POST /api/v1/users", isAdministrator ? 201 : 403);
        yield return Row("POST /api/v1/users/NO-SUCH/disable", isAdministrator ? 404 : 403);
        yield return Row("POST /api/v1/users/NO-SUCH/enable", isAdministrator ? 404 : 403);
        // Which unsettled transactions each person sees is UnsettledScopeTests' matter; here: everyone signed in may ask.
        yield return Row("GET /api/v1/transactions/unsettled", 200);
        yield return Row("GET /api/v1/transactions/unsettled.csv", 200);
        // Which incidents each person sees is PowerIncidentsApiTests' matter.
        yield return Row("GET /api/v1/power/incidents", 200);
        // Which stores each person's success rate counts is SuccessRateApiTests' matter; here the door and its 400.
        yield return Row("GET /api/v1/success-rate", 200);
        yield return Row("GET /api/v1/success-rate?days=91", 400);
        // Maintenance (issue 14): which work orders each role sees and may change is WorkOrderApiTests' matter; here the doors.
        yield return Row("GET /api/v1/workorders", 200);
        yield return Row("POST /api/v1/workorders", isAdministrator ? 201 : 403); // in W1: dispatching needs the store in scope
        yield return Row("GET /api/v1/workorders/999999", 404);
        yield return Row("POST /api/v1/workorders/999999/start", 404);
        yield return Row("GET /api/v1/workorders/999999/photos/1", 404);
        yield return Row("POST /api/v1/workorders/999999/followups", 404);
        yield return Row("GET /api/v1/maintenance/plans", 200);
        // Which work each person's KPIs count is MaintenanceKpisApiTests' matter; here: everyone signed in may ask.
        yield return Row("GET /api/v1/maintenance/kpis", 200);
        yield return Row("POST /api/v1/maintenance/plans", isAdministrator ? 201 : 403);
        yield return Row("POST /api/v1/maintenance/plans/999999/end", 404); // a plan nobody has: the same answer for every role
        yield return Row("PUT /api/v1/maintenance/plans/999999", 404);
        yield return Row("GET /api/v1/checklists", 200);
        yield return Row("PUT /api/v1/checklists/matrix_check", isAdministrator ? 200 : 403);
        yield return Row("POST /api/v1/calendar/feed", 201);
        // Emergency plans and training rosters (issue 15): read where the store is seen (and the failure evidence), kept by its
        // managers and administrators, 403 for a technician who sees the store, 404 where it is not seen; which stores each
        // person's compliance and sessions list is the training API tests' matter.
        foreach (var store in new[] { E1, N1 })
        {
            var sees = StoresOf(person).Contains(store);
            var keeps = !sees ? 404 : person == TechnicianN1 ? 403 : 0;
            yield return Row($"GET /api/v1/stores/{store}/emergency-plan", sees ? 200 : 404);
            yield return Row($"PUT /api/v1/stores/{store}/emergency-plan", keeps == 0 ? 200 : keeps);
            yield return Row($"GET /api/v1/stores/{store}/staff", sees ? 200 : 404);
            yield return Row($"GET /api/v1/stores/{store}/operator-failures", sees ? 200 : 404);
            yield return Row($"POST /api/v1/stores/{store}/staff", keeps == 0 ? 201 : keeps);
        }
        yield return Row("GET /api/v1/stores/NO-SUCH/emergency-plan", 404);
        yield return Row("GET /api/v1/training/programmes", 200);
        yield return Row("GET /api/v1/training/sessions", 200);
        yield return Row("GET /api/v1/training/compliance", 200);
        // Alerts, mutes, software, reconciliation and notifications: every signed-in person, within their scope; an id nobody
        // has is the same 404 for every role (what each sees is the alert, rollout and reconciliation tests' matter).
        var ofAdministrators = isAdministrator ? 200 : 403;
        foreach (var (request, status) in new (string, int)[]
                 {
                     ("GET /api/v1/alerts", 200), ("POST /api/v1/alerts/999999/acknowledge", 404), ("GET /api/v1/mutes", 200),
                     ("DELETE /api/v1/mutes/999999", 404), ("GET /api/v1/software/compliance", 200), ("GET /api/v1/software/targets", 200),
                     ("GET /api/v1/software/rollouts", 200), ("GET /api/v1/software/rollouts/999999", 404),
                     ("POST /api/v1/software/rollouts/999999/halt", isAdministrator ? 404 : 403), ("GET /api/v1/reconciliation/reports", 200),
                     ("GET /api/v1/reconciliation/reports/999999", 404), ("GET /api/v1/reconciliation/scorecard", 200), ("GET /api/v1/me/notifications", 200),
                     // The chain's settings, integrations and imports are the administrators' (an empty import is refused after the door).
                     ("GET /api/v1/reconciliation/profiles", ofAdministrators), ("GET /api/v1/webhooks", ofAdministrators),
                     ("GET /api/v1/settings/detection", ofAdministrators), ("POST /api/v1/imports/terminals", isAdministrator ? 415 : 403),
                     ("POST /api/v1/reconciliation/reports", isAdministrator ? 400 : 403),
                 })
        {
            yield return Row(request, status);
        }
    }

    private static IEnumerable<object?[]> AnonymousRows()
    {
        object?[] Row(string request, int status) => [Anonymous, "none", request, status, null];

        // 302 rows are redirects to the sign-in page (checked by the test).
        foreach (var page in Pages.Concat(AdministratorPages)) yield return Row($"GET {page}", 302);
        yield return Row("GET /api/v1/terminals", 401);
        yield return Row($"GET /api/v1/terminals/{E1A}", 401);
        yield return Row("GET /api/v1/stores", 401);
        yield return Row("GET /export/terminals.csv", 401);
        yield return Row("POST /api/v1/stores", 401);
        yield return Row("POST /api/v1/terminals", 401);
        yield return Row("PUT /api/v1/software/targets/X-MODEL", 401);
        yield return Row("GET /api/v1/node", 401);
        yield return Row("GET /api/v1/users", 401);
        yield return Row("POST /api/v1/users", 401);
        yield return Row("POST /api/v1/users/NO-SUCH/disable", 401);
        yield return Row("POST /api/v1/users/NO-SUCH/enable", 401);
        yield return Row("GET /api/v1/transactions/unsettled", 401);
        yield return Row("GET /api/v1/transactions/unsettled.csv", 401);
        yield return Row("GET /api/v1/power/incidents", 401);
        yield return Row("GET /api/v1/success-rate", 401);
        yield return Row("GET /api/v1/workorders", 401);
        yield return Row("POST /api/v1/workorders", 401);
        yield return Row("GET /api/v1/workorders/1/photos/1", 401);
        yield return Row("POST /api/v1/workorders/1/followups", 401);
        yield return Row("GET /api/v1/maintenance/plans", 401);
        yield return Row("POST /api/v1/maintenance/plans/1/end", 401);
        yield return Row("PUT /api/v1/maintenance/plans/1", 401);
        yield return Row("GET /api/v1/maintenance/kpis", 401);
        yield return Row("GET /api/v1/checklists", 401);
        yield return Row("POST /api/v1/calendar/feed", 401);
        yield return Row($"GET /api/v1/stores/{E1}/emergency-plan", 401);
        yield return Row($"GET /api/v1/stores/{E1}/staff", 401);
        yield return Row($"GET /api/v1/stores/{E1}/operator-failures", 401);
        yield return Row("GET /api/v1/training/programmes", 401);
        yield return Row("GET /api/v1/training/sessions", 401);
        yield return Row("GET /api/v1/training/sessions/1/signatures/trainer", 401);
        yield return Row("GET /api/v1/training/compliance", 401);
        yield return Row($"PUT /api/v1/stores/{E1}/emergency-plan", 401);
        foreach (var request in new[]
                 {
                     $"POST /api/v1/stores/{E1}/staff", "GET /api/v1/alerts", "POST /api/v1/alerts/1/acknowledge", "GET /api/v1/mutes", "DELETE /api/v1/mutes/1",
                     "GET /api/v1/software/compliance", "GET /api/v1/software/targets", "GET /api/v1/software/rollouts", "POST /api/v1/software/rollouts/1/halt",
                     "GET /api/v1/reconciliation/reports", "GET /api/v1/reconciliation/scorecard", "GET /api/v1/me/notifications",
                     "GET /api/v1/reconciliation/profiles", "GET /api/v1/webhooks", "GET /api/v1/settings/detection", "POST /api/v1/imports/terminals",
                     "POST /api/v1/reconciliation/reports",
                 })
        {
            yield return Row(request, 401);
        }
        // The feed's token is its credential: no sign-in, and an unknown token is a 404.
        yield return Row("GET /calendar/not-a-feed-token.ics", 404);
    }
}
