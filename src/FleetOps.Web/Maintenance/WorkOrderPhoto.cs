namespace FleetOps.Web.Maintenance;

/// <summary>A photo kept for a work order's checklist item; its <see cref="Id"/> is what the item's value names.</summary>
public sealed record WorkOrderPhoto(long Id, long WorkOrderId, string Item, string ContentType, long Length, string UploadedBy, DateTimeOffset UploadedAt);
