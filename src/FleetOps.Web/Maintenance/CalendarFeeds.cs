using System.Security.Cryptography;
using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// A technician's bookings as an iCalendar feed (docs/api.md §8) for the phone's own calendar app. The feed's address holds
/// a random token — the only credential a calendar app can carry — shown once; only its SHA-256 hash is kept. Each person has
/// at most one: a new one replaces the old, and revoking deletes it, so a lost phone's subscription stops at once.
/// Each booking is worded in the owner's written language (<see cref="Security.UserAccess.WrittenCulture"/>) (<see cref="IBookingWording"/>).
/// </summary>
public sealed class CalendarFeeds(FleetDbContextFactory databases, MaintenanceBook book, StoreDirectory stores, UserDirectory users, AuditLog audit,
    IBookingWording wording, TimeProvider time)
{
    /// <summary>A new feed token for the user (replacing any earlier one); shown to them once.</summary>
    public async Task<string> CreateAsync(string userId, string actor, string? address, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = databases.CreateDbContext();
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.CalendarFeeds.Add(new CalendarFeedRow { UserId = userId, TokenHash = Hash(token), CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CalendarFeedCreated, actor, null, address, cancellationToken);
        return token;
    }

    /// <summary>Whether the user has a feed now.</summary>
    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        return await db.CalendarFeeds.AnyAsync(f => f.UserId == userId, cancellationToken);
    }

    /// <summary>Ends the user's feed; false when there was none.</summary>
    public async Task<bool> RevokeAsync(string userId, string actor, string? address, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var deleted = await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) await audit.RecordAsync(actor, AuditActions.CalendarFeedRevoked, actor, null, address, cancellationToken);
        return deleted > 0;
    }

    /// <summary>The calendar of the token's owner, or null for an unknown or revoked token (or a disabled person).</summary>
    public async Task<string?> CalendarAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        await using var db = databases.CreateDbContext();
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, cancellationToken);
        if (feed is null || users.Get(feed.UserId) is not { Disabled: false } user) return null;
        var actor = MaintenanceActor.Of(user);
        var calendar = new Calendar { ProductId = "-//FleetOps//Maintenance//EN" };
        calendar.AddProperty("X-WR-CALNAME", "FleetOps");
        foreach (var order in book.All.Where(o => o.State != WorkOrderState.Cancelled && actor.IsAssigned(o) && actor.CanSee(o, stores)
                     && o.ScheduledStart is not null && o.ScheduledEnd is not null))
        {
            var store = stores.Get(order.StoreCode);
            var (summary, description) = wording.Describe(order, user.WrittenCulture);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"workorder-{order.Id}@fleetops",
                Summary = summary,
                Location = store is null ? order.StoreCode : $"{store.Name} ({store.Code})",
                Description = description,
                Start = new CalDateTime(order.ScheduledStart!.Value.UtcDateTime, "UTC"),
                End = new CalDateTime(order.ScheduledEnd!.Value.UtcDateTime, "UTC"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
