using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Persistence;

/// <summary>
/// The schema. Each database provider has its own subclass only so that each keeps its own migrations
/// (SQLite and PostgreSQL need different SQL); the model is the same. It also keeps the Data Protection keys
/// (encrypted, see <see cref="DataProtectionSetup"/>), so every node of a deployment reads the same ones.
/// </summary>
public abstract class FleetDbContext(DbContextOptions options) : IdentityDbContext<FleetUser>(options), IDataProtectionKeyContext
{
    public DbSet<StoreRow> Stores => Set<StoreRow>();
    public DbSet<TerminalRow> Terminals => Set<TerminalRow>();
    public DbSet<TelemetryEventRow> Events => Set<TelemetryEventRow>();
    public DbSet<HeartbeatHourRow> HeartbeatHours => Set<HeartbeatHourRow>();
    public DbSet<TerminalBootRow> TerminalBoots => Set<TerminalBootRow>();
    public DbSet<SoftwareTargetRow> SoftwareTargets => Set<SoftwareTargetRow>();
    public DbSet<TransactionRow> Transactions => Set<TransactionRow>();
    public DbSet<UserScopeRow> UserScopes => Set<UserScopeRow>();
    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();
    public DbSet<AuditEntryRow> AuditEntries => Set<AuditEntryRow>();
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<CaseEntryRow> CaseEntries => Set<CaseEntryRow>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<MuteRow> Mutes => Set<MuteRow>();
    public DbSet<WebhookRow> Webhooks => Set<WebhookRow>();
    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();
    public DbSet<SettingOverrideRow> SettingOverrides => Set<SettingOverrideRow>();
    public DbSet<MailSubscriptionRow> MailSubscriptions => Set<MailSubscriptionRow>();
    public DbSet<RolloutRow> Rollouts => Set<RolloutRow>();
    public DbSet<RolloutWaveRow> RolloutWaves => Set<RolloutWaveRow>();
    public DbSet<RolloutMemberRow> RolloutMembers => Set<RolloutMemberRow>();
    public DbSet<ChecklistTemplateRow> ChecklistTemplates => Set<ChecklistTemplateRow>();
    public DbSet<MaintenancePlanRow> MaintenancePlans => Set<MaintenancePlanRow>();
    public DbSet<WorkOrderRow> WorkOrders => Set<WorkOrderRow>();
    public DbSet<WorkOrderResultRow> WorkOrderResults => Set<WorkOrderResultRow>();
    public DbSet<WorkOrderAttachmentRow> WorkOrderAttachments => Set<WorkOrderAttachmentRow>();
    public DbSet<CalendarFeedRow> CalendarFeeds => Set<CalendarFeedRow>();
    public DbSet<StaffMemberRow> StaffMembers => Set<StaffMemberRow>();
    public DbSet<TrainingSessionRow> TrainingSessions => Set<TrainingSessionRow>();
    public DbSet<TrainingAttendeeRow> TrainingAttendees => Set<TrainingAttendeeRow>();
    public DbSet<TrainingCompletionRow> TrainingCompletions => Set<TrainingCompletionRow>();
    public DbSet<TrainingSignatureRow> TrainingSignatures => Set<TrainingSignatureRow>();
    public DbSet<EmergencyPlanRow> EmergencyPlans => Set<EmergencyPlanRow>();
    public DbSet<SettlementReportRow> SettlementReports => Set<SettlementReportRow>();
    public DbSet<SettlementLineRow> SettlementLines => Set<SettlementLineRow>();
    public DbSet<ReportStoreTallyRow> SettlementReportStores => Set<ReportStoreTallyRow>();
    public DbSet<SaleCreditRow> SaleCredits => Set<SaleCreditRow>();
    public DbSet<ReportProfileRow> SettlementReportProfiles => Set<ReportProfileRow>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<NodeChangeRow> NodeChanges => Set<NodeChangeRow>();
    public DbSet<ListeningRunRow> ListeningRuns => Set<ListeningRunRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FleetDbContext).Assembly);
    }
}
