namespace FleetOps.Web.Security;

public sealed record SignInForm(string? Email, string? Password, string? ReturnUrl);
