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
        .OrderBy(Words, StringComparer.OrdinalIgnoreCase)
        .ToList();

    public static string Words(string action) => action switch
    {
        AuditActions.SignIn => "Signed in",
        AuditActions.SignInFailed => "Sign-in failed",
        AuditActions.SignOut => "Signed out",
        AuditActions.PasswordChanged => "Password changed",
        AuditActions.UserCreated => "User created",
        AuditActions.UserChanged => "User changed",
        AuditActions.UserDisabled => "User disabled",
        AuditActions.UserEnabled => "User enabled",
        AuditActions.TokenCreated => "API token created",
        AuditActions.TokenRevoked => "API token revoked",
        AuditActions.TerminalKeyRotated => "Terminal key rotated",
        AuditActions.TerminalDecommissioned => "Terminal decommissioned",
        AuditActions.TerminalRegistered => "Terminal registered",
        AuditActions.StoreCreated => "Store created",
        AuditActions.SoftwareTargetSet => "Software target set",
        AuditActions.TerminalsImported => "Terminals imported",
        // An action this page does not know yet still reads as words.
        _ => action.Length == 0 ? action : char.ToUpperInvariant(action[0]) + action[1..].Replace('_', ' '),
    };

    /// <summary>Failures red; what takes access away orange; what grants or changes it blue; the rest plain.</summary>
    public static Color Colour(string action) => action switch
    {
        _ when action.Contains("fail", StringComparison.OrdinalIgnoreCase) => Color.Error,
        AuditActions.UserDisabled or AuditActions.TokenRevoked or AuditActions.TerminalKeyRotated
            or AuditActions.TerminalDecommissioned => Color.Warning,
        AuditActions.SignIn or AuditActions.SignOut => Color.Default,
        _ => Color.Info,
    };
}
