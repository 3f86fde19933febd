using FleetOps.Core.Fleet;
using FleetOps.Web.Background;
using FleetOps.Web.Election;
using FleetOps.Web.Localization;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Mails each owner once when their API token comes within a week of its expiry (<see cref="ApiTokenInfo.SoonBefore"/>):
/// their home page says so too, but a person who uses FleetOps only through a script never opens it, and learns of the
/// expiry when the script fails. Runs on the leading node (<see cref="Leadership"/>) every <see cref="CheckEvery"/>; the
/// mail is queued in the outbox and the token claimed (<see cref="ApiTokenRow.ExpiryMailedAt"/>, set only where still empty)
/// in one transaction, so a restart does not lose it and overlapping runs (a new leader beside the old one for a moment) do
/// not repeat it. It goes out whether or not the person's alert mail is on: it is
/// about their account, as the test mail is. Nothing is written while e-mail is off; a token still within the week when it
/// is turned on is mailed then. A disabled owner is not mailed (their tokens are refused anyway).
/// </summary>
public sealed partial class TokenExpiryMailer(
    FleetDbContextFactory databases, UserDirectory users, StoreDirectory stores, Leadership leadership, TimeProvider time,
    IOptions<MailOptions> mail, IOptions<LanguageOptions> languages, ILogger<TokenExpiryMailer> logger) : BackgroundService
{
    /// <summary>How often the leading node looks: a mail an hour late on a week's notice is still a week's notice.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.WhileLeadingAsync(
        term => PeriodicRefresh.RunAsync(CheckEvery, time, QueueDueAsync, LogFailed, term), stoppingToken);

    /// <summary>Queues a mail for every token now within a week of its expiry whose owner was not mailed yet; returns how many.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        if (!mail.Value.IsEnabled) return 0;
        var now = time.GetUtcNow();
        await using var db = databases.CreateDbContext();
        // A few tokens a person, and only those with an expiry and no mail yet: compared here, since SQLite cannot compare
        // DateTimeOffset columns in a query.
        var candidates = await db.ApiTokens.AsNoTracking().Where(t => t.RevokedAt == null && t.ExpiresAt != null && t.ExpiryMailedAt == null)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(t => t.ExpiresAt > now && t.ExpiresAt - now <= ApiTokenInfo.SoonBefore).ToList();
        if (due.Count == 0) return 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = 0;
        foreach (var token in due)
        {
            if (users.Get(token.UserId) is not { Disabled: false } owner) continue;
            // Claimed in the transaction, not trusted from the read above: a run overlapping this one (the hourly timer beside
            // a call, or a new leader beside the old one for a moment) finds it claimed and queues nothing.
            var claimed = await db.ApiTokens.Where(t => t.Id == token.Id && t.ExpiryMailedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiryMailedAt, now), cancellationToken);
            if (claimed == 0) continue;
            // The delivery hangs off the person's mail subscription: an "off" one is made for a person who never set theirs.
            var subscription = await MailService.SubscriptionOfAsync(db, owner, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var zone = StoreTime.Common(stores, owner.Scope.StoreCodes(stores));
            var content = MailText.TokenExpiring(owner, languages.Value.ForReader(owner.WrittenCulture), ApiTokenInfo.Of(token), zone, mail.Value.PublicBaseUrl);
            db.WebhookDeliveries.Add(MailOutbox.Delivery(subscription.Id, WebhookMessage.TokenExpiring, null, content, now));
            queued++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (queued > 0) LogQueued(queued);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} e-mails to owners of API tokens that expire within a week")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mail the owners of API tokens that expire soon; the next run tries again")]
    private partial void LogFailed(Exception exception);
}
