using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Security;

/// <summary>
/// Bearer API tokens for the management API and the SignalR hub. The bootstrap token from configuration
/// is valid with the administrator role. WebSocket clients cannot send headers, so the hub also accepts
/// the token as the <c>access_token</c> query parameter, as the SignalR client sends it.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<BootstrapOptions> bootstrap,
    ApiTokenDirectory tokens,
    UserDirectory users,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The id of the token a request came with (hub connections are closed by it when it is revoked).</summary>
    public const string TokenIdClaim = "token_id";

    /// <summary>Where a refusal's reason waits for the challenge (<see cref="HttpContext.Items"/>).</summary>
    private static readonly object RefusalKey = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Terminals authenticate with their own keys (TerminalKeyAuthenticationHandler); the telemetry endpoint asks
        // for that scheme only, so this one stays out of it rather than look up a terminal key among API tokens.
        if (Request.Path.StartsWithSegments("/api/v1/telemetry"))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var token = BearerToken.From(Request);
        if (token is null && Request.Path.StartsWithSegments("/hubs"))
        {
            token = Request.Query["access_token"].ToString();
        }
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (bootstrap.Value.ApiToken is { Length: > 0 } expected && SameSecret(token, expected))
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, AccessResolver.BootstrapName), new Claim(ClaimTypes.Role, Roles.Administrator)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        var info = tokens.Find(token);
        if (info is not null && info.HasExpired(time.GetUtcNow()))
        {
            // Said plainly: a script that worked yesterday and fails today should tell its owner why and what to do.
            var at = info.ExpiresAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return Refuse($"This API token expired at {at}. Create a new one on the API tokens page (/account/tokens).");
        }
        // A user's token acts with the user's current role and scope; a disabled user's tokens stop at once.
        if (info is not null && users.Get(info.UserId) is { Disabled: false } user)
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Name, user.Email),
                new Claim(ClaimTypes.Role, user.Role), new Claim(TokenIdClaim, info.Id.ToString(CultureInfo.InvariantCulture)),
            ], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        return Refuse("Unknown or revoked API token.");
    }

    /// <summary>A refusal whose reason the challenge tells the caller (only these: an exception's message is never sent).</summary>
    private Task<AuthenticateResult> Refuse(string reason)
    {
        Context.Items[RefusalKey] = reason;
        return Task.FromResult(AuthenticateResult.Fail(reason));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A token that was sent and refused says why (RFC 6750's invalid_token); a request without one is told what to send.
        await HandleAuthenticateOnceSafeAsync();
        var refused = Context.Items[RefusalKey] as string;
        if (refused is not null) Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await Results.Problem(statusCode: 401, title: "Unauthorized", detail: refused ?? "Send 'Authorization: Bearer <api token>'.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        // Answered here for sign-in sessions too (the API's policies name both schemes): worded for either.
        await Results.Problem(statusCode: 403, title: "Forbidden", detail: "Your role or your stores do not allow this.").ExecuteAsync(Context);
    }

    private static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
