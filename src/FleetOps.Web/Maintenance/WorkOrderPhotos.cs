using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Photos of work order items, kept on disk (<c>FleetOps:Maintenance:AttachmentsPath</c>, by default <c>attachments</c> in
/// the data folder) under a name FleetOps chooses — never the uploader's — and described by a row. A photo is accepted only
/// up to the size limit and only when its first bytes say JPEG, PNG, WebP or HEIC, whatever its name claims; a refused
/// upload leaves nothing behind. Read back only by people who may see the work order. A signature item's drawn signature is
/// kept the same way, with the same limits and access, but only as a PNG (what the signature pad makes).
/// </summary>
public sealed class WorkOrderPhotos(
    FleetDbContextFactory databases, MaintenanceBook book, StoreDirectory stores, DatabaseOptions database, IOptions<MaintenanceOptions> options,
    TimeProvider time)
{
    public string Folder => string.IsNullOrWhiteSpace(options.Value.AttachmentsPath)
        ? Path.Combine(database.DataFolder, "attachments")
        : options.Value.AttachmentsPath;

    public long MaxBytes => options.Value.MaxPhotoBytes;

    /// <summary>
    /// Keeps a photo for a photo item of the work order's checklist, or a drawn signature (PNG) for a signature item; the
    /// attachment's id is the item's value.
    /// </summary>
    public async Task<MaintenanceResult<WorkOrderPhoto>> AddAsync(long workOrderId, string item, Stream content, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        if (book.Get(workOrderId) is not { } order || !actor.CanSee(order, stores))
            return MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.NotFound, $"There is no work order {workOrderId} among yours.");
        if (!actor.CanWork(order, stores)) return MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Forbidden, "This work order is not yours to change.");
        if (!order.IsOpen) return MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Conflict, $"A work order that is {Core.Wire.WireNames.ToWire(order.State)} takes no more photos.");
        if (book.Template(order.ChecklistKey, order.ChecklistVersion)?.Item(item) is not { Type: ChecklistItemType.Photo or ChecklistItemType.Signature } checkItem)
            return MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Invalid, $"The checklist has no photo item '{item}'.");
        var bytes = await ReadCappedAsync(content, MaxBytes, cancellationToken);
        if (bytes is null) return MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Invalid, $"A photo may be at most {MaxBytes / (1024 * 1024)} MiB.");
        var signature = checkItem.Type == ChecklistItemType.Signature;
        if (ImageType.Of(bytes) is not { } type || signature && type.Extension != "png")
            return MaintenanceResult<WorkOrderPhoto>.Refused(MaintenanceError.Invalid,
                signature ? "A signature must be a PNG image." : "The file is not a JPEG, PNG, WebP or HEIC image.");

        Directory.CreateDirectory(Folder);
        var stored = $"{Guid.NewGuid():N}.{type.Extension}";
        var path = Path.Combine(Folder, stored);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            await using var db = databases.CreateDbContext();
            var row = new WorkOrderAttachmentRow
            {
                WorkOrderId = workOrderId, Item = item, ContentType = type.ContentType, Length = bytes.Length, StoredName = stored,
                UploadedBy = actor.Name, UploadedAtMs = now.ToUnixTimeMilliseconds(),
            };
            db.WorkOrderAttachments.Add(row);
            db.AuditEntries.Add(AuditLog.Row(now, actor.Name, AuditActions.WorkOrderPhotoAdded, $"work order {workOrderId}",
                signature ? $"signature {item}, {bytes.Length} bytes" : $"photo {item}, {bytes.Length} bytes", address));
            await db.SaveChangesAsync(cancellationToken);
            return MaintenanceResult<WorkOrderPhoto>.Done(ToPhoto(row));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The photos of a work order, oldest first.</summary>
    public async Task<IReadOnlyList<WorkOrderPhoto>> ListAsync(long workOrderId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        return (await db.WorkOrderAttachments.AsNoTracking().Where(a => a.WorkOrderId == workOrderId).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .Select(ToPhoto).ToList();
    }

    /// <summary>A photo and the path of its file, when the work order exists for <paramref name="actor"/>; else null (a 404, like a missing one).</summary>
    public async Task<(WorkOrderPhoto Photo, string Path)?> OpenAsync(long workOrderId, long photoId, MaintenanceActor actor, CancellationToken cancellationToken = default)
    {
        if (book.Get(workOrderId) is not { } order || !actor.CanSee(order, stores)) return null;
        await using var db = databases.CreateDbContext();
        var row = await db.WorkOrderAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == photoId && a.WorkOrderId == workOrderId, cancellationToken);
        if (row is null) return null;
        var path = Path.Combine(Folder, row.StoredName);
        return File.Exists(path) ? (ToPhoto(row), path) : null;
    }

    private static WorkOrderPhoto ToPhoto(WorkOrderAttachmentRow r) =>
        new(r.Id, r.WorkOrderId, r.Item, r.ContentType, r.Length, r.UploadedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.UploadedAtMs));

    /// <summary>The whole content, or null as soon as it passes <paramref name="max"/> bytes (nothing more is read).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream content, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
