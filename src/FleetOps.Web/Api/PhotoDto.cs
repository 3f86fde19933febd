using FleetOps.Web.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>A photo of a work order item; <see cref="Url"/> downloads it (for those who may see the work order).</summary>
public sealed record PhotoDto(long Id, string Item, string ContentType, long Length, string UploadedBy, DateTimeOffset UploadedAt, string Url)
{
    public static PhotoDto From(WorkOrderPhoto p) =>
        new(p.Id, p.Item, p.ContentType, p.Length, p.UploadedBy, p.UploadedAt, $"/api/v1/workorders/{p.WorkOrderId}/photos/{p.Id}");
}
