using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// How a booking reads in a calendar app, in its owner's language: the languages live above the services (a door), so
/// the calendar feed asks through this, as the CSV exports do through <c>IReaderLanguage</c>.
/// </summary>
public interface IBookingWording
{
    /// <summary>The event's summary (the work order's title) and description (its subject) for a reader whose saved language is <paramref name="ownerCulture"/>.</summary>
    (string Summary, string Description) Describe(WorkOrder order, string? ownerCulture);
}
