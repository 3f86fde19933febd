using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// One delivery of the webhook outbox: the exact bytes to send (so the signature always covers what is sent, on every
/// retry), the id every retry repeats, and where it stands. Written in the transaction that saves the alert change it
/// announces; <see cref="NextAttemptAtMs"/> is persisted so a restart resumes the back-off where it was.
/// The outbox has two channels with one schedule: a row is either a webhook's (<see cref="WebhookId"/>, the body is the
/// JSON to post) or a person's e-mail (<see cref="MailSubscriptionId"/>, the body is a stored <c>MailContent</c>).
/// </summary>
public sealed class WebhookDeliveryRow
{
    public long Id { get; set; }
    public long? WebhookId { get; set; }
    public long? MailSubscriptionId { get; set; }
    public Guid DeliveryId { get; set; }
    public required string Type { get; set; }
    public long? AlertId { get; set; }
    public required string Body { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public long CreatedAtMs { get; set; }
    public long? NextAttemptAtMs { get; set; }
    public long? LastAttemptAtMs { get; set; }
    public string? LastError { get; set; }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryRow>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRow> b)
    {
        b.ToTable("WebhookDeliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Type).HasMaxLength(32);
        b.Property(d => d.Status).HasMaxLength(16);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.HasIndex(d => d.DeliveryId).IsUnique();
        // The sender's question every second: what is due now? And each subscription's log, newest first.
        b.HasIndex(d => new { d.Status, d.NextAttemptAtMs });
        b.HasIndex(d => new { d.WebhookId, d.Id });
        b.HasIndex(d => new { d.MailSubscriptionId, d.Id });
        // Removing a subscription removes its log and whatever it still had to send.
        b.HasOne<WebhookRow>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MailSubscriptionRow>().WithMany().HasForeignKey(d => d.MailSubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
