using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A webhook subscription (docs/api.md §5). <see cref="Secret"/> is kept as given, not hashed: it is a shared secret
/// FleetOps must use to sign every delivery (and DingTalk's URL), not a password to check. <see cref="Kinds"/> holds
/// alert kinds by wire name, comma-separated; empty means every kind.
/// </summary>
public sealed class WebhookRow
{
    public long Id { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public required string Preset { get; set; }
    public required string Kinds { get; set; }
    public required string MinSeverity { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
}

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<WebhookRow>
{
    public void Configure(EntityTypeBuilder<WebhookRow> b)
    {
        b.ToTable("Webhooks");
        b.HasKey(w => w.Id);
        b.Property(w => w.Url).HasMaxLength(2000);
        b.Property(w => w.Secret).HasMaxLength(256);
        b.Property(w => w.Preset).HasMaxLength(16);
        b.Property(w => w.Kinds).HasMaxLength(400);
        b.Property(w => w.MinSeverity).HasMaxLength(16);
        b.Property(w => w.CreatedBy).HasMaxLength(256);
    }
}
