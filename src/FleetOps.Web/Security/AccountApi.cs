using System.Security.Claims;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace FleetOps.Web.Security;

/// <summary>
/// Form posts of the account pages (static, server-rendered): sign-in, sign-out and password change.
/// Forms carry an anti-forgery token, which minimal APIs check for every form post.
/// </summary>
public static class AccountApi
{
    /// <summary>A hash of a random password, checked against when the e-mail is unknown (see <see cref="SignIn"/>).</summary>
    private static string? _dummyHash;

    /// <summary>
    /// The e-mail of a refused sign-in, handed back to the sign-in page so only the password is typed again. A cookie for
    /// that page alone rather than the address: an address is kept in the browser's history and in proxies' logs.
    /// </summary>
    public const string TypedEmailCookie = "fleetops.signin-email";

    /// <summary>Longer than any e-mail address may be (RFC 5321: 254); a longer text is not handed back.</summary>
    private const int MaxTypedEmail = 320;

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/signin", SignIn).RequireRateLimiting(TelemetryRateLimit.SignInPolicy);
        account.MapPost("/signout", SignOut).RequireAuthorization();
        account.MapPost("/password", ChangePassword).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// One answer for every refusal — unknown e-mail, wrong password, disabled account — with the same status and about
    /// the same time (a password hash is checked for known and unknown e-mails alike), so nobody learns whether an account
    /// exists. A paused (address, e-mail) pair gets a second answer, "wait", from the failure that pauses it on: unknown
    /// e-mails are paused just the same, so that answer tells nothing either, and it is the only one that asks to wait
    /// (a typo told to wait a few minutes waits for nothing). A paused pair is answered without hashing.
    /// </summary>
    public static async Task<IResult> SignIn([FromForm] SignInForm form, HttpContext context,
        SignInManager<FleetUser> signIn, UserDirectory directory, SignInThrottle throttle, AuditLog audit, UserAdministration users)
    {
        var returnUrl = AfterSignIn(form.ReturnUrl);
        var email = form.Email?.Trim() ?? "";
        var address = context.Connection.RemoteIpAddress?.ToString();
        var actor = email.Length == 0 ? "anonymous" : email;
        if (throttle.IsPaused(address, email))
        {
            await audit.RecordAsync(actor, AuditActions.SignInFailed, email, "paused for this address", address);
            return Refused(context, returnUrl, email, "paused");
        }
        var user = email.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(email);
        var refusal = await RefusalAsync(user, form.Password ?? "", signIn, directory);
        if (user is null || refusal is not null)
        {
            throttle.Failed(address, email);
            await audit.RecordAsync(actor, AuditActions.SignInFailed, email, refusal, address);
            return Refused(context, returnUrl, email, throttle.IsPaused(address, email) ? "paused" : "invalid");
        }
        throttle.Succeeded(address, email);
        context.Response.Cookies.Delete(TypedEmailCookie, TypedEmailOptions(context));
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.RecordAsync(email, AuditActions.SignIn, email, null, address);
        await KeepLanguageAsync(user, context, users);
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>
    /// Keeps the language this page is shown in (their cookie or browser) as the one they last signed in with: their
    /// e-mail, which has no browser to ask, is written in it until they choose one in the user menu — so a person who reads
    /// FleetOps in English does not get mail in the server's default. It is not their chosen language: pages keep following
    /// the browser, and a sign-in from a colleague's Chinese browser does not make every later page Chinese.
    /// </summary>
    private static async Task KeepLanguageAsync(FleetUser user, HttpContext context, UserAdministration users)
    {
        // Request localisation offers only the supported cultures, so the page's culture is always one of them.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name is { Length: > 0 } shown)
        {
            await users.SetSignInCultureAsync(user.Id, shown);
        }
    }

    /// <summary>Why <paramref name="user"/> may not sign in with <paramref name="password"/> (for the audit log), or null.</summary>
    private static async Task<string?> RefusalAsync(FleetUser? user, string password, SignInManager<FleetUser> signIn, UserDirectory directory)
    {
        if (user is null)
        {
            // Costs what checking a real password costs, so the answer's timing does not tell the account is unknown.
            var hasher = signIn.UserManager.PasswordHasher;
            _dummyHash ??= hasher.HashPassword(new FleetUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new FleetUser(), _dummyHash, password);
            return "unknown user";
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!result.Succeeded) return result.IsLockedOut ? "locked out" : "wrong password";
        return directory.Get(user.Id) is { Disabled: false } ? null : "disabled";
    }

    /// <summary>
    /// Ends every session of the user, not only this browser's: a new security stamp makes every copy of every cookie
    /// invalid (checked on each request, and at once by open pages on this node). Copies cannot be told apart.
    /// </summary>
    /// <remarks>
    /// Takes the posted form (only its anti-forgery token matters): reading a form is what makes minimal APIs check the
    /// token, and what tells this endpoint apart from the sign-out page's own POST route (else: ambiguous match, 500).
    /// </remarks>
    public static async Task<IResult> SignOut(IFormCollection form, HttpContext context, SignInManager<FleetUser> signIn,
        UserDirectory directory, AccessResolver access, AuditLog audit)
    {
        var actor = access.ActorName(context.User);
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            await directory.RefreshAsync(user.Id);
        }
        await signIn.SignOutAsync();
        await audit.RecordAsync(actor, AuditActions.SignOut, actor, null, context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect("/account/signin?signedOut=1");
    }

    public static async Task<IResult> ChangePassword([FromForm] ChangePasswordForm form, HttpContext context,
        UserManager<FleetUser> users, SignInManager<FleetUser> signIn, UserDirectory directory, AuditLog audit)
    {
        var user = await users.FindByIdAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (user is null) return Results.LocalRedirect("/account/signin");
        if (string.IsNullOrEmpty(form.NewPassword) || form.NewPassword != form.ConfirmPassword)
        {
            return Results.LocalRedirect("/account/password?error=mismatch");
        }
        // Saving the same password would change nothing yet still sign every other browser and device out.
        if (form.NewPassword == form.CurrentPassword) return Results.LocalRedirect("/account/password?error=same");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword ?? "", form.NewPassword);
        if (!result.Succeeded)
        {
            var code = result.Errors.Any(e => e.Code == "PasswordMismatch") ? "current" : "weak";
            return Results.LocalRedirect($"/account/password?error={code}");
        }
        // The password change gave the user a new security stamp: this browser gets a fresh cookie, every other
        // session (and copies of this one's old cookie) ends; open pages on this node at once.
        await signIn.RefreshSignInAsync(user);
        await directory.RefreshAsync(user.Id);
        await audit.RecordAsync(user.Email ?? user.Id, AuditActions.PasswordChanged, user.Email, null, context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect("/account/password?changed=1");
    }

    /// <summary>
    /// Back to the sign-in page with the e-mail typed (none when empty) and why, as the page's <c>error</c>: "invalid",
    /// "paused", or "limited" (<see cref="SignInRateLimited"/>).
    /// </summary>
    internal static IResult Refused(HttpContext context, string returnUrl, string email, string error)
    {
        if (email.Length is > 0 and <= MaxTypedEmail) context.Response.Cookies.Append(TypedEmailCookie, email, TypedEmailOptions(context));
        return Results.LocalRedirect($"/account/signin?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    /// <summary>Sent to the sign-in page only, never read by scripts, and gone after a while or once signed in.</summary>
    private static CookieOptions TypedEmailOptions(HttpContext context) => new()
    {
        Path = "/account/signin", MaxAge = TimeSpan.FromMinutes(15), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
    };

    /// <summary>Only same-site paths, so the sign-in page cannot be used to send people elsewhere.</summary>
    /// <summary>A return address on this site, or <paramref name="fallback"/>: never a redirect to another host.</summary>
    /// <summary>
    /// Where a sign-in leads: the page that asked for it, on this site — but never back to signing in or out (Back after
    /// signing out opens the sign-out page, which sends the signed-out browser here; signing in then asked "sign out?").
    /// </summary>
    private static string AfterSignIn(string? returnUrl)
    {
        var url = LocalOr(returnUrl, "/");
        var path = url.Split('?', '#')[0].TrimEnd('/');
        return path.Equals("/account/signout", StringComparison.OrdinalIgnoreCase) || path.Equals("/account/signin", StringComparison.OrdinalIgnoreCase)
            ? "/" : url;
    }

    public static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : fallback;
}
