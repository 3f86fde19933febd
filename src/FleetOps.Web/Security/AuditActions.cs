namespace FleetOps.Web.Security;

public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string SignOut = "sign_out";
    public const string PasswordChanged = "password_changed";
    public const string UserCreated = "user_created";
    public const string UserChanged = "user_changed";
    public const string UserDisabled = "user_disabled";
    public const string UserEnabled = "user_enabled";
    public const string TokenCreated = "api_token_created";
    public const string TokenRevoked = "api_token_revoked";
    public const string TerminalKeyRotated = "terminal_key_rotated";
    public const string TerminalDecommissioned = "terminal_decommissioned";
    public const string TerminalRegistered = "terminal_registered";
    public const string StoreCreated = "store_created";
    public const string StoreChanged = "store_changed";
    public const string TerminalChanged = "terminal_changed";
    public const string SoftwareTargetSet = "software_target_set";
    public const string TerminalsImported = "terminals_imported";
    public const string CaseOpened = "case_opened";
    public const string CaseAdvanced = "case_advanced";
    public const string CaseOwnerChanged = "case_owner_changed";
    public const string CaseBankReferenceSet = "case_bank_reference_set";
    public const string CaseNoteAdded = "case_note_added";
    public const string CaseResolved = "case_resolved";
    public const string CaseReopened = "case_reopened";
    public const string AlertAcknowledged = "alert_acknowledged";
    public const string MuteCreated = "mute_created";
    public const string MuteDeleted = "mute_deleted";
    public const string WebhookCreated = "webhook_created";
    public const string WebhookDeleted = "webhook_deleted";
    public const string WebhookTestQueued = "webhook_test_queued";
    public const string ThresholdsChanged = "thresholds_changed";
    public const string MailSubscriptionSaved = "mail_subscription_saved";
    public const string MailTestQueued = "mail_test_queued";
    public const string RolloutCreated = "rollout_created";
    public const string RolloutAdvanced = "rollout_advanced";
    public const string RolloutHalted = "rollout_halted";
    public const string RolloutResumed = "rollout_resumed";
}
