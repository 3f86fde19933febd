using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;
using System.Reflection;
using FleetOps.Web.Security;
using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>How the audit page words and colours an action.</summary>
public static class AuditLook
{
    /// <summary>
    /// Every action the back end can record, read from <see cref="AuditActions"/> itself so that an action added
    /// there shows up in the filter without a change here.
    /// </summary>
    public static IReadOnlyList<string> Actions { get; } = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Words(string action, IStringLocalizer<UiText> texts) => action switch
    {
        AuditActions.SignIn => texts["Audit.Action.SignIn"],
        AuditActions.SignInFailed => texts["Audit.Action.SignInFailed"],
        AuditActions.SignOut => texts["Audit.Action.SignOut"],
        AuditActions.PasswordChanged => texts["Audit.Action.PasswordChanged"],
        AuditActions.UserCreated => texts["Audit.Action.UserCreated"],
        AuditActions.UserChanged => texts["Audit.Action.UserChanged"],
        AuditActions.UserDisabled => texts["Audit.Action.UserDisabled"],
        AuditActions.UserEnabled => texts["Audit.Action.UserEnabled"],
        AuditActions.TokenCreated => texts["Audit.Action.TokenCreated"],
        AuditActions.TokenRevoked => texts["Audit.Action.TokenRevoked"],
        AuditActions.TokenRotated => texts["Audit.Action.TokenRotated"],
        AuditActions.TerminalKeyRotated => texts["Audit.Action.TerminalKeyRotated"],
        AuditActions.TerminalDecommissioned => texts["Audit.Action.TerminalDecommissioned"],
        AuditActions.TerminalRegistered => texts["Audit.Action.TerminalRegistered"],
        AuditActions.StoreCreated => texts["Audit.Action.StoreCreated"],
        AuditActions.SoftwareTargetSet => texts["Audit.Action.SoftwareTargetSet"],
        AuditActions.TerminalsImported => texts["Audit.Action.TerminalsImported"],
        AuditActions.StoreChanged => texts["Audit.Action.StoreChanged"],
        AuditActions.TerminalChanged => texts["Audit.Action.TerminalChanged"],
        AuditActions.CaseOpened => texts["Audit.Action.CaseOpened"],
        AuditActions.CaseAdvanced => texts["Audit.Action.CaseAdvanced"],
        AuditActions.CaseOwnerChanged => texts["Audit.Action.CaseOwnerChanged"],
        AuditActions.CaseBankReferenceSet => texts["Audit.Action.CaseBankReferenceSet"],
        AuditActions.CaseNoteAdded => texts["Audit.Action.CaseNoteAdded"],
        AuditActions.CaseResolved => texts["Audit.Action.CaseResolved"],
        AuditActions.CaseReopened => texts["Audit.Action.CaseReopened"],
        AuditActions.AlertAcknowledged => texts["Audit.Action.AlertAcknowledged"],
        AuditActions.MuteCreated => texts["Audit.Action.MuteCreated"],
        AuditActions.MuteDeleted => texts["Audit.Action.MuteDeleted"],
        AuditActions.WebhookCreated => texts["Audit.Action.WebhookCreated"],
        AuditActions.WebhookDeleted => texts["Audit.Action.WebhookDeleted"],
        AuditActions.WebhookTestQueued => texts["Audit.Action.WebhookTestQueued"],
        AuditActions.ThresholdsChanged => texts["Audit.Action.ThresholdsChanged"],
        AuditActions.MailSubscriptionSaved => texts["Audit.Action.MailSubscriptionSaved"],
        AuditActions.MailTestQueued => texts["Audit.Action.MailTestQueued"],
        AuditActions.RolloutCreated => texts["Audit.Action.RolloutCreated"],
        AuditActions.RolloutAdvanced => texts["Audit.Action.RolloutAdvanced"],
        AuditActions.RolloutHalted => texts["Audit.Action.RolloutHalted"],
        AuditActions.RolloutResumed => texts["Audit.Action.RolloutResumed"],
        AuditActions.WorkOrderCreated => texts["Audit.Action.WorkOrderCreated"],
        AuditActions.WorkOrderScheduled => texts["Audit.Action.WorkOrderScheduled"],
        AuditActions.WorkOrderStarted => texts["Audit.Action.WorkOrderStarted"],
        AuditActions.WorkOrderWaiting => texts["Audit.Action.WorkOrderWaiting"],
        AuditActions.WorkOrderCompleted => texts["Audit.Action.WorkOrderCompleted"],
        AuditActions.WorkOrderCancelled => texts["Audit.Action.WorkOrderCancelled"],
        AuditActions.WorkOrderPhotoAdded => texts["Audit.Action.WorkOrderPhotoAdded"],
        AuditActions.MaintenancePlanCreated => texts["Audit.Action.MaintenancePlanCreated"],
        AuditActions.MaintenancePlanEnded => texts["Audit.Action.MaintenancePlanEnded"],
        AuditActions.MaintenancePlanEdited => texts["Audit.Action.MaintenancePlanEdited"],
        AuditActions.ChecklistTemplateSaved => texts["Audit.Action.ChecklistTemplateSaved"],
        AuditActions.CalendarFeedCreated => texts["Audit.Action.CalendarFeedCreated"],
        AuditActions.CalendarFeedRevoked => texts["Audit.Action.CalendarFeedRevoked"],
        AuditActions.StaffAdded => texts["Audit.Action.StaffAdded"],
        AuditActions.StaffLeft => texts["Audit.Action.StaffLeft"],
        AuditActions.TrainingRecorded => texts["Audit.Action.TrainingRecorded"],
        AuditActions.EmergencyPlanSaved => texts["Audit.Action.EmergencyPlanSaved"],
        AuditActions.EmergencyPlanReviewed => texts["Audit.Action.EmergencyPlanReviewed"],
        AuditActions.ReportProfileSaved => texts["Audit.Action.ReportProfileSaved"],
        AuditActions.SettlementReportImported => texts["Audit.Action.SettlementReportImported"],
        // An action this page does not know yet still reads as words.
        _ => action.Length == 0 ? action : char.ToUpperInvariant(action[0]) + action[1..].Replace('_', ' '),
    };

    /// <summary>Failures red; what takes access away orange; what grants or changes it blue; the rest plain.</summary>
    public static Color Colour(string action) => action switch
    {
        _ when action.Contains("fail", StringComparison.OrdinalIgnoreCase) => Color.Error,
        AuditActions.UserDisabled or AuditActions.TokenRevoked or AuditActions.TerminalKeyRotated or AuditActions.CalendarFeedRevoked
            or AuditActions.TerminalDecommissioned => Color.Warning,
        AuditActions.SignIn or AuditActions.SignOut => Color.Default,
        _ => Color.Info,
    };
}
