using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The maintenance calendar (issue 14 item 4) on the test clock: 2026-11-25 00:00 UTC is Wednesday 08:00 in the stores'
/// zone (Asia/Shanghai), so the week shown by default runs Monday 23 to Sunday 29 November.
/// Two technicians: Tess (S-1, S-2) and Otto (S-1).
/// </summary>
public abstract class MaintenanceCalendarTest : FleetComponentTest
{
    /// <summary>Tess Tech, who looks after S-1 (East) and S-2 (North).</summary>
    protected UserAccess Technician { get; }

    /// <summary>Otto Other, who looks after S-1 only.</summary>
    protected UserAccess Other { get; }

    protected IRenderedComponent<MudBlazor.MudSnackbarProvider> Snackbars { get; }

    protected MaintenanceCalendarTest()
    {
        RenderPopoverProvider();
        Snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Technician = CreateUser(Roles.Technician, stores: ["S-1", "S-2"], email: "tech@fleetops.test", displayName: "Tess Tech");
        Other = CreateUser(Roles.Technician, stores: ["S-1"], email: "other@fleetops.test", displayName: "Otto Other");
    }

    protected static AngleSharp.Dom.IElement Day(IRenderedComponent<MaintenanceCalendar> cut, string date) => cut.Find($"[data-testid=calendar-day-{date}]");

    protected string Address => Services.GetRequiredService<NavigationManager>().Uri;
}
