namespace FleetOps.Web.Security;

public sealed record ChangePasswordForm(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);
