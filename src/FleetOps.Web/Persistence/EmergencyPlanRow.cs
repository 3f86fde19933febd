using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A store's emergency plan (issue 15 item 7), one row per store. The steps of each procedure are a JSON array of the
/// manager's own text, or null while the procedure still follows the shipped template: the template is translated at
/// reading time, so a plan nobody edited reads in each reader's language, and an edited one reads as it was written.
/// <see cref="Version"/> counts saves, so a form saved over a newer plan is refused instead of silently undoing it.
/// </summary>
public sealed class EmergencyPlanRow
{
    public required string StoreCode { get; set; }
    public int Version { get; set; }
    public string? HotlineName { get; set; }
    public string? HotlinePhone { get; set; }
    public string? TechnicianName { get; set; }
    public string? TechnicianPhone { get; set; }
    public string? ElectricianName { get; set; }
    public string? ElectricianPhone { get; set; }
    /// <summary>Further contacts as a JSON array of <c>{ "name", "phone" }</c>; null when there are none.</summary>
    public string? OtherContactsJson { get; set; }
    public string? UpsLocation { get; set; }
    public string? SpareTerminalLocation { get; set; }
    public string? PaperFormsLocation { get; set; }
    public string? PowerFailsMidPaymentJson { get; set; }
    public string? TerminalDiesJson { get; set; }
    public string? StorePowerOutageJson { get; set; }
    public required string UpdatedBy { get; set; }
    public long UpdatedAtMs { get; set; }
    public required string ReviewedBy { get; set; }
    public long ReviewedAtMs { get; set; }
}

internal sealed class EmergencyPlanConfiguration : IEntityTypeConfiguration<EmergencyPlanRow>
{
    public void Configure(EntityTypeBuilder<EmergencyPlanRow> b)
    {
        b.ToTable("EmergencyPlans");
        b.HasKey(p => p.StoreCode);
        b.Property(p => p.StoreCode).HasMaxLength(32);
        foreach (var name in new[] { nameof(EmergencyPlanRow.HotlineName), nameof(EmergencyPlanRow.TechnicianName), nameof(EmergencyPlanRow.ElectricianName) })
            b.Property(name).HasMaxLength(100);
        foreach (var phone in new[] { nameof(EmergencyPlanRow.HotlinePhone), nameof(EmergencyPlanRow.TechnicianPhone), nameof(EmergencyPlanRow.ElectricianPhone) })
            b.Property(phone).HasMaxLength(32);
        foreach (var place in new[] { nameof(EmergencyPlanRow.UpsLocation), nameof(EmergencyPlanRow.SpareTerminalLocation), nameof(EmergencyPlanRow.PaperFormsLocation) })
            b.Property(place).HasMaxLength(200);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.ReviewedBy).HasMaxLength(256);
    }
}
