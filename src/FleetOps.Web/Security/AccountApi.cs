using System.Security.Claims;
using FleetOps.Web.Ingestion;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FleetOps.Web.Security;

public sealed record SignInForm(string? Email, string? Password, string? ReturnUrl);

public sealed record ChangePasswordForm(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// Form posts of the account pages (static, server-rendered): sign-in, sign-out and password change.
/// Forms carry an anti-forgery token, which minimal APIs check for every form post.
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/signin", SignIn).RequireRateLimiting(TelemetryRateLimit.SignInPolicy);
        account.MapPost("/signout", SignOut).RequireAuthorization();
        account.MapPost("/password", ChangePassword).RequireAuthorization();
        return app;
    }

    public static async Task<IResult> SignIn([FromForm] SignInForm form, HttpContext context,
        SignInManager<FleetUser> signIn, UserManager<FleetUser> users, UserDirectory directory, AuditLog audit)
    {
        var returnUrl = LocalOr(form.ReturnUrl, "/");
        var email = form.Email?.Trim() ?? "";
        var address = context.Connection.RemoteIpAddress?.ToString();
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null || string.IsNullOrEmpty(form.Password) || directory.Get(user.Id) is not { Disabled: false })
        {
            await audit.RecordAsync(email.Length == 0 ? "anonymous" : email, AuditActions.SignInFailed, email, user is null ? "unknown user" : "disabled or no password", address);
            return Back("invalid", returnUrl);
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(email, AuditActions.SignIn, email, null, address);
            return Results.LocalRedirect(returnUrl);
        }
        var reason = result.IsLockedOut ? "locked" : "invalid";
        await audit.RecordAsync(email, AuditActions.SignInFailed, email, result.IsLockedOut ? "locked out" : "wrong password", address);
        return Back(reason, returnUrl);
    }

    /// <remarks>
    /// Takes the posted form (only its anti-forgery token matters): reading a form is what makes minimal APIs check the
    /// token, and what tells this endpoint apart from the sign-out page's own POST route (else: ambiguous match, 500).
    /// </remarks>
    public static async Task<IResult> SignOut(IFormCollection form, HttpContext context, SignInManager<FleetUser> signIn, AccessResolver access, AuditLog audit)
    {
        var actor = access.ActorName(context.User);
        await signIn.SignOutAsync();
        await audit.RecordAsync(actor, AuditActions.SignOut, actor, null, context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect("/account/signin?signedOut=1");
    }

    public static async Task<IResult> ChangePassword([FromForm] ChangePasswordForm form, HttpContext context,
        UserManager<FleetUser> users, SignInManager<FleetUser> signIn, AuditLog audit)
    {
        var user = await users.FindByIdAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (user is null) return Results.LocalRedirect("/account/signin");
        if (string.IsNullOrEmpty(form.NewPassword) || form.NewPassword != form.ConfirmPassword)
        {
            return Results.LocalRedirect("/account/password?error=mismatch");
        }
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword ?? "", form.NewPassword);
        if (!result.Succeeded)
        {
            var code = result.Errors.Any(e => e.Code == "PasswordMismatch") ? "current" : "weak";
            return Results.LocalRedirect($"/account/password?error={code}");
        }
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(user.Email ?? user.Id, AuditActions.PasswordChanged, user.Email, null, context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect("/account/password?changed=1");
    }

    private static IResult Back(string error, string returnUrl) =>
        Results.LocalRedirect($"/account/signin?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only same-site paths, so the sign-in page cannot be used to send people elsewhere.</summary>
    private static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : fallback;
}
