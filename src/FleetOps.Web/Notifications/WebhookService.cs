using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Webhook subscriptions for the API and the page: add, list, remove, queue a test, read the delivery log. Every change
/// is audited in its own transaction, naming the subscription and its URL with the query values hidden and never the secret.
/// </summary>
public sealed class WebhookService(FleetDbContextFactory databases, TimeProvider time, IOptions<JsonOptions> json)
{
    public const int LogLength = 50;

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken);
        return rows.Select(WebhookSubscription.From).ToList();
    }

    public async Task<WebhookSubscription> CreateAsync(WebhookDraft draft, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var row = new WebhookRow
        {
            Url = draft.Url.AbsoluteUri, Secret = draft.Secret, Preset = draft.Preset.ToWire(),
            Kinds = new AlertInterest(draft.Kinds, draft.MinSeverity).KindsWire, MinSeverity = draft.MinSeverity.ToWire(),
            CreatedBy = actor, CreatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        await using var db = databases.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Webhooks.Add(row);
        await db.SaveChangesAsync(cancellationToken); // the audit line names the new id
        var hook = WebhookSubscription.From(row);
        db.AuditEntries.Add(AuditLog.Row(now, actor, AuditActions.WebhookCreated, Target(hook), Describe(hook), remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hook;
    }

    /// <summary>Removes a subscription with its log and whatever it still had to send; false when there is none.</summary>
    public async Task<bool> DeleteAsync(long id, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        if (await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } row) return false;
        var hook = WebhookSubscription.From(row);
        db.Webhooks.Remove(row);
        db.AuditEntries.Add(AuditLog.Row(time.GetUtcNow(), actor, AuditActions.WebhookDeleted, Target(hook), Describe(hook), remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Queues a <c>test</c> delivery (no alert) that the sender sends like any other; null when there is no such subscription.</summary>
    public async Task<Guid?> QueueTestAsync(long id, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        if (await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } row) return null;
        var hook = WebhookSubscription.From(row);
        var now = time.GetUtcNow();
        var delivery = WebhookMessage.Delivery(hook, WebhookMessage.Test, null, TimeZoneInfo.Utc, now, json.Value.SerializerOptions);
        db.WebhookDeliveries.Add(delivery);
        db.AuditEntries.Add(AuditLog.Row(now, actor, AuditActions.WebhookTestQueued, Target(hook), $"{hook.MaskedUrl}; delivery {delivery.DeliveryId}", remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return delivery.DeliveryId;
    }

    /// <summary>The newest <see cref="LogLength"/> deliveries of a subscription, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id)
            .OrderByDescending(d => d.Id).Take(LogLength).ToListAsync(cancellationToken);
        return rows.Select(WebhookDeliveryDto.Of).ToList();
    }

    /// <summary>Short, so the audit table keeps its width; the (long) address goes in the details, which wrap.</summary>
    private static string Target(WebhookSubscription hook) => $"webhook {hook.Id}";

    private static string Describe(WebhookSubscription hook) =>
        $"{hook.MaskedUrl}; {hook.Preset.ToWire()}; {hook.Interest.Describe()}";
}
