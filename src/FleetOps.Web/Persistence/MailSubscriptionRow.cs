using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A person's e-mail notifications (issue 12): at most one per user, sent to their account e-mail. <see cref="Kinds"/>
/// holds alert kinds by wire name, comma-separated (empty: every kind), like <see cref="WebhookRow.Kinds"/>. Its mails
/// wait in the same outbox as the webhooks' (<see cref="WebhookDeliveryRow.MailSubscriptionId"/>).
/// </summary>
public sealed class MailSubscriptionRow
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public bool Enabled { get; set; }
    public required string Kinds { get; set; }
    public required string MinSeverity { get; set; }
    public long UpdatedAtMs { get; set; }
}

internal sealed class MailSubscriptionConfiguration : IEntityTypeConfiguration<MailSubscriptionRow>
{
    public void Configure(EntityTypeBuilder<MailSubscriptionRow> b)
    {
        b.ToTable("MailSubscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Kinds).HasMaxLength(400);
        b.Property(s => s.MinSeverity).HasMaxLength(16);
        b.HasIndex(s => s.UserId).IsUnique();
        // A removed person's subscription goes with them (users are disabled, rarely removed, but never leave orphans).
        b.HasOne<FleetUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
