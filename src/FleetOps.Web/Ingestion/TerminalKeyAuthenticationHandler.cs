using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using FleetOps.Web.Security;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The <c>TerminalKey</c> scheme: <c>Authorization: Bearer &lt;terminal key&gt;</c> checked against <see cref="TerminalKeys"/>
/// (hashes in memory, constant-time compare). It is never a default scheme and only the telemetry endpoint's
/// <see cref="Policy"/> names it, so a terminal key opens nothing else, and the endpoint's policy names no other scheme,
/// so neither an API token nor a sign-in cookie can post telemetry.
/// </summary>
public sealed class TerminalKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TerminalKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TerminalKey";

    /// <summary>The id of the terminal the presented key belongs to.</summary>
    public const string TerminalIdClaim = "terminal_id";

    /// <summary>What the telemetry endpoint requires: a terminal authenticated by this scheme alone.</summary>
    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder(SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(TerminalIdClaim)
        .Build();

    /// <summary>The terminal a request authenticated by this scheme speaks for.</summary>
    public static string TerminalId(ClaimsPrincipal user) =>
        user.FindFirstValue(TerminalIdClaim) ?? throw new InvalidOperationException("The request was not authenticated with a terminal key.");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = BearerToken.From(Request);
        if (key is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (keys.Check(key, null, out var owner) != KeyCheck.Valid) return Task.FromResult(AuthenticateResult.Fail("Unknown terminal key."));

        var identity = new ClaimsIdentity([new Claim(TerminalIdClaim, owner!)], SchemeName, TerminalIdClaim, roleType: null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>docs/api.md §1's two 401s, as problem+json: no key at all, or a key no terminal has.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var (title, detail) = result.None
            ? ("Missing terminal key", "Send 'Authorization: Bearer <terminal key>'.")
            : ("Unknown terminal key", "The key is not valid for any terminal.");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: title).ExecuteAsync(Context);
    }
}
