using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Election;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FleetOps.Web.Notifications;

/// <summary>
/// Sends the notification outbox — webhooks (<see cref="WebhookOutbox"/>) and e-mails (<see cref="MailOutbox"/>, through
/// <see cref="MailTransport"/>), one schedule for both: every <c>PollSeconds</c> it finds the receivers with
/// deliveries due and gives each its own turn, in parallel up to <c>MaxParallelReceivers</c>, so a dead or slow receiver
/// holds up only itself. A receiver's deliveries go one at a time, oldest first (and one alert's mails to a person in
/// event order, <see cref="MailOrder"/>); the first failure ends its turn and the delivery waits its
/// <see cref="WebhookBackoff"/> delay — stored, so a restart resumes the schedule (at-least-once:
/// a crash between an answer and its record sends that delivery again, with the same delivery id).
/// The per-attempt timeout is the HTTP client's resilience pipeline (<see cref="ClientName"/>); the long schedule is the outbox's.
/// <para>
/// Only the leading node sends (<see cref="Leadership"/>): every node writes deliveries into the shared outbox, one sends
/// them. When this node stops leading, its turns are cancelled with the term, so two nodes never send knowingly.
/// </para>
/// </summary>
public sealed partial class NotificationSender(
    FleetDbContextFactory databases, IHttpClientFactory clients, MailTransport mail, Leadership leadership, TimeProvider time,
    IOptions<WebhookOptions> options, ILogger<NotificationSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int BatchSize = 50;
    /// <summary>
    /// A person's batch: a mail digest is made within one, and at fifty a store of 120 terminals going offline was the first
    /// mail and three digests in the same second ('50 alerts', '50 alerts', '19 alerts'), which the reader had to add up.
    /// </summary>
    private const int MailBatchSize = 500;
    private const int MaxErrorLength = 500;

    private static readonly string Pending = WebhookDeliveryStatus.Pending.ToWire();
    private readonly Dictionary<DeliveryReceiver, Task> _turns = [];
    private readonly SemaphoreSlim _slots = new(options.Value.MaxParallelReceivers);
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.WhileLeadingAsync(LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollEvery, time);
        // The turns end with the term as well as with the node. Not disposed here: turns still running when the term ends
        // must find their token cancelled, not disposed (one source per term, and terms are rare).
        var turns = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _stopping.Token);
        try
        {
            do
            {
                try
                {
                    await StartDueAsync(turns.Token, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPollFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Gives every receiver with deliveries due its turn now and waits for those turns (tests on a fake clock). Twice: a
    /// turn already under way when this was asked may have looked before the newest deliveries were committed.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(await StartDueAsync(_stopping.Token, cancellationToken));
        await Task.WhenAll(await StartDueAsync(_stopping.Token, cancellationToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A receiver that never answers must not hold up shutdown. A host stopped again after it was disposed (a test
        // server's second stop) finds nothing left to cancel.
        if (!_disposed)
        {
            try
            {
                await _stopping.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the cancel: the same second stop.
            }
        }
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    /// <summary>Starts the turns of the receivers with deliveries due, each ending when <paramref name="turnsEnd"/> is cancelled.</summary>
    private async Task<IReadOnlyList<Task>> StartDueAsync(CancellationToken turnsEnd, CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        List<DeliveryReceiver> receivers;
        await using (var db = databases.CreateDbContext())
        {
            receivers = (await db.WebhookDeliveries.Where(Due(nowMs)).Where(MailOrder.Free(db.WebhookDeliveries))
                .Select(d => new { d.WebhookId, d.MailSubscriptionId }).Distinct().ToListAsync(cancellationToken))
                .Select(r => new DeliveryReceiver(r.WebhookId, r.MailSubscriptionId)).ToList();
        }
        var turns = new List<Task>(receivers.Count);
        lock (_turns)
        {
            foreach (var id in receivers)
            {
                // A receiver still in its turn (say, one that has not answered yet) is not started twice. A turn that has ended
                // but whose entry is not yet removed (the removal runs after it, on the pool) is over: joining it would send
                // nothing of what became due since it looked — a digest then waited for the next poll, and on a test's fake
                // clock for ever (a CI run of MailDigestTests received 5 mails of 6).
                if (!_turns.TryGetValue(id, out var turn) || turn.IsCompleted)
                {
                    var started = Task.Run(() => TurnAsync(id, turnsEnd), CancellationToken.None);
                    _turns[id] = started;
                    _ = started.ContinueWith(_ =>
                    {
                        // Only its own entry: a newer turn may have taken the receiver's place.
                        lock (_turns)
                        {
                            if (_turns.TryGetValue(id, out var current) && current == started) _turns.Remove(id);
                        }
                    }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                    turn = started;
                }
                turns.Add(turn);
            }
        }
        return turns;
    }

    private async Task TurnAsync(DeliveryReceiver receiver, CancellationToken cancellationToken)
    {
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            while (await SendDueAsync(receiver, cancellationToken))
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogTurnFailed(e, receiver.ToString());
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Pending deliveries whose wait is over — or whose last attempt lies after now: the host's clock was set back since
    /// (NTP correcting a clock that ran ahead), and a wait counted on the old clock would hold a retry back for as long as the
    /// clock had been ahead, an alert reaching the on-call receiver hours late. Such a delivery is tried at once.
    /// </summary>
    private static Expression<Func<WebhookDeliveryRow, bool>> Due(long nowMs) =>
        d => d.Status == Pending && (d.NextAttemptAtMs <= nowMs || d.LastAttemptAtMs > nowMs);

    /// <summary>Sends one batch of a receiver's due deliveries; true when there were some and all went through (look again).</summary>
    private async Task<bool> SendDueAsync(DeliveryReceiver receiver, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        if (await AttemptAsync(db, receiver, cancellationToken) is not { } attempt) return false;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await db.WebhookDeliveries.Where(Due(nowMs))
            .Where(d => d.WebhookId == receiver.WebhookId && d.MailSubscriptionId == receiver.MailSubscriptionId)
            .Where(MailOrder.Free(db.WebhookDeliveries))
            .OrderBy(d => d.Id).Take(receiver.WebhookId is null ? MailBatchSize : BatchSize).ToListAsync(cancellationToken);
        var done = new HashSet<long>();
        foreach (var delivery in due)
        {
            if (!done.Add(delivery.Id)) continue; // went in an earlier one's digest
            var group = MailDigest.With(delivery, due, done);
            var outcome = await attempt(group);
            var at = time.GetUtcNow();
            MailDigest.Mark(group);
            foreach (var member in group)
            {
                done.Add(member.Id);
                Record(member, outcome, at);
            }
            try
            {
                await db.SaveChangesAsync(CancellationToken.None); // an attempt made is an attempt recorded
            }
            catch (DbUpdateConcurrencyException)
            {
                return false; // the subscription was removed (with its deliveries) while this one was on its way
            }
            if (outcome.Error is { } error)
            {
                LogAttemptFailed(delivery.DeliveryId, receiver.ToString(), delivery.Attempts, error);
                if (!outcome.GiveUp) return false; // the receiver is in trouble: its turn ends, the back-off waits
            }
        }
        return due.Count > 0;
    }

    /// <summary>
    /// How one delivery to the receiver is attempted (several, for a mail digest: <see cref="MailDigest"/>); null when the
    /// receiver is gone (removed with its deliveries).
    /// </summary>
    private async Task<Func<IReadOnlyList<WebhookDeliveryRow>, Task<DeliveryAttempt>>?> AttemptAsync(FleetDbContext db, DeliveryReceiver receiver, CancellationToken cancellationToken)
    {
        if (receiver.WebhookId is not { } webhookId)
        {
            var userId = await db.MailSubscriptions.Where(s => s.Id == receiver.MailSubscriptionId).Select(s => s.UserId).FirstOrDefaultAsync(cancellationToken);
            // A digest says which mail it follows, read as it goes: that mail may have been sent only just before.
            return userId is null ? null : async group => await mail.SendAsync(group, userId, cancellationToken,
                await MailDigest.LeadAsync(db, group, mail.DigestWindow, cancellationToken));
        }
        if (await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == webhookId, cancellationToken) is not { } row) return null;
        var hook = WebhookSubscription.From(row);
        return async group => DeliveryAttempt.Retry(await SendAsync(hook, group[0], cancellationToken)); // never more than one
    }

    private static void Record(WebhookDeliveryRow delivery, DeliveryAttempt outcome, DateTimeOffset now)
    {
        delivery.Attempts++;
        delivery.LastAttemptAtMs = now.ToUnixTimeMilliseconds();
        delivery.LastError = outcome.Error;
        if (outcome.Error is null)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered.ToWire();
            delivery.NextAttemptAtMs = null;
        }
        else if (!outcome.GiveUp && WebhookBackoff.After(delivery.Attempts) is { } wait)
        {
            delivery.NextAttemptAtMs = (now + wait).ToUnixTimeMilliseconds();
        }
        else
        {
            delivery.Status = WebhookDeliveryStatus.Failed.ToWire();
            delivery.NextAttemptAtMs = null;
        }
    }

    /// <summary>One attempt; null when the receiver took it, else why not (shown in the delivery log).</summary>
    private async Task<string?> SendAsync(WebhookSubscription hook, WebhookDeliveryRow delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var url = hook.Preset == WebhookPreset.DingTalk ? WebhookSignature.DingTalkUrl(hook.Url.AbsoluteUri, hook.Secret, time.GetUtcNow()) : hook.Url.AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(body, hook.Secret));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.DeliveryId.ToString());
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}";
            return hook.Preset == WebhookPreset.Generic ? null : RobotError(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (TimeoutRejectedException)
        {
            return $"No answer within {options.Value.TimeoutSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            return Kept(e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}");
        }
    }

    /// <summary>WeCom and DingTalk answer 200 even when they refuse a message; their <c>errcode</c> says so.</summary>
    private static string? RobotError(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("errcode", out var code)
                || code.ValueKind != JsonValueKind.Number || code.GetInt64() == 0)
            {
                return null;
            }
            var message = json.RootElement.TryGetProperty("errmsg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return Kept($"errcode {code.GetInt64()}: {message}");
        }
        catch (JsonException)
        {
            return null; // a 2xx with a body that is not theirs: the receiver took it
        }
    }

    /// <summary>A receiver's words are kept only if they pass the text rule (no card number, no control characters), and briefly.</summary>
    public static string Kept(string error)
    {
        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        return TextRules.Problem("error", text) is null ? text : "The receiver's answer was withheld (it broke the text rule).";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for due notification deliveries; the next poll tries again")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifications to {Receiver}: sending failed unexpectedly; the next poll tries again")]
    private partial void LogTurnFailed(Exception exception, string receiver);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications to {Receiver}: delivery {DeliveryId} attempt {Attempts} failed: {Error}")]
    private partial void LogAttemptFailed(Guid deliveryId, string receiver, int attempts, string error);
}
