using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Localization;

/// <summary>A booking in the calendar feed, worded in its owner's saved language (a calendar app has no browser to ask).</summary>
public sealed class BookingWording(MaintenanceBook book, IOptions<LanguageOptions> languages) : IBookingWording
{
    public (string Summary, string Description) Describe(WorkOrder order, string? ownerCulture)
    {
        var texts = new CultureLocalizer<UiText>(UiCulture.Fixed(languages.Value.ForReader(ownerCulture)));
        var title = WorkOrderText.Title(texts, book, order);
        return (order.State == WorkOrderState.Done ? $"✓ {title}" : title,
            order.TerminalId is null ? texts["CalendarFeed.Store", order.StoreCode] : texts["CalendarFeed.Terminal", order.TerminalId, order.StoreCode]);
    }
}
