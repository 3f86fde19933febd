using System.Globalization;
using System.Security.Claims;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// API tokens for scripts (docs/api.md §2): a script reads its own token's expiry and rotates it before it stops, and an
/// operations team lists and revokes tokens without the pages. Tokens are still made on the tokens page (PROTOCOL §2): a
/// rotation replaces one, it never adds one. Everyone sees and revokes their own tokens, administrators everyone's, with
/// the same rules and audit entries as the pages (<see cref="ApiTokenDirectory"/> holds them).
/// </summary>
public static class TokensApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tokens").RequireAuthorization(AccessPolicies.SignedIn).WithTags("API tokens").DisableAntiforgery();
        api.MapGet("", List).WithName("ListApiTokens")
            .WithSummary("API tokens, newest first: your own, or (administrators) ?owner=all or one person's; ?status=, ?search=")
            .WithDescription("`owner` is `me` (the default), `all`, or a person's e-mail or id; only administrators name someone else "
                + "(403). `status` is valid (the default: neither revoked nor expired) | expiring | owner_disabled | expired | revoked "
                + "| all; `search` is part of the name, the owner's name or e-mail, or the start of the prefix. Paged with "
                + "`page`/`pageSize` (at most 500). Never a secret.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/current", Current).WithName("GetCurrentApiToken")
            .WithSummary("The token this request came with: a script reads its expiry here")
            .WithDescription("404 when the request came with a sign-in session or the bootstrap token, which are not API tokens.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/current/rotate", Rotate).WithName("RotateCurrentApiToken")
            .WithSummary("Replaces the token this request came with by a new one, shown once; the old one is refused from now on")
            .WithDescription("The new token has the same owner and name and lasts as long as the old one was made to (a token without "
                + "expiry stays without). Audited as `api_token_rotated`. The old token's open hub connections close. 409 when the "
                + "request came with a sign-in session or the bootstrap token, or the token was revoked meanwhile.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:int}", Get).WithName("GetApiToken")
            .WithSummary("One token, revoked or not: your own, or anyone's for administrators").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:int}", Revoke).WithName("RevokeApiToken")
            .WithSummary("Revokes a token (yours, or anyone's for administrators) and answers it; revoking a revoked token changes nothing")
            .WithDescription("Refused on the next request on every node; its hub connections close; audited as `api_token_revoked`, "
                + "with the owner named when an administrator revokes someone else's. 404 for a token you may not see.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ApiTokenDto>>, ValidationProblem, ProblemHttpResult>> List(HttpContext context,
        ApiTokenDirectory directory, UserDirectory users, AccessResolver access, TimeProvider time,
        string? owner = null, string? status = null, string? search = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var whose = filter.Text("owner", owner);
        var wanted = filter.Enum<TokenFilter>("status", status) ?? TokenFilter.Valid;
        var text = filter.Text("search", search);
        var paging = filter.Paging(page, pageSize, MaxPageSize);
        if (filter.HasErrors) return filter.Problem();

        var me = access.User(context.User);
        IReadOnlyList<ApiTokenInfo> tokens;
        if (whose is null || Is(whose, "me") || (me is not null && (Is(whose, me.Email) || whose == me.UserId)))
        {
            tokens = me is null ? [] : await directory.ForUserAsync(me.UserId, context.RequestAborted); // the bootstrap token owns none
        }
        else if (!access.IsAdministrator(context.User))
        {
            return TypedResults.Problem(title: "Forbidden", detail: "Only administrators list other people's tokens.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        else if (Is(whose, "all"))
        {
            tokens = await directory.AllAsync(context.RequestAborted);
        }
        else if ((users.ByEmail(whose) ?? users.Get(whose)) is { } person)
        {
            tokens = await directory.ForUserAsync(person.UserId, context.RequestAborted);
        }
        else
        {
            filter.Fail("owner", $"There is no user '{whose}'; 'owner' is me, all, or a person's e-mail or id.");
            return filter.Problem();
        }
        var now = time.GetUtcNow();
        var listed = tokens
            .Select(t => (Token: t, Owner: users.Get(t.UserId)))
            .Where(t => t.Token.Matches(text, t.Owner) && wanted.Includes(t.Token.StandingAt(now, t.Owner?.Disabled == true)))
            .Select(t => ApiTokenDto.From(t.Token, t.Owner, now))
            .ToList();
        return TypedResults.Ok(new PagedResult<ApiTokenDto>(paging.Of(listed).ToList(), listed.Count));
    }

    public static Results<Ok<ApiTokenDto>, ProblemHttpResult> Current(HttpContext context, ApiTokenDirectory directory, UserDirectory users,
        TimeProvider time)
    {
        // A token the request came with was live a moment ago; revoked since (by a rotation beside this request) it is gone.
        if (TokenOf(context.User) is not { } id || directory.ById(id) is not { } token)
        {
            return TypedResults.Problem(title: "Not found", detail: NotAToken(context.User), statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(ApiTokenDto.From(token, users.Get(token.UserId), time.GetUtcNow()));
    }

    public static async Task<Results<Created<RotatedToken>, ProblemHttpResult>> Rotate(HttpContext context, ApiTokenDirectory directory,
        AccessResolver access, AuditLog audit)
    {
        if (TokenOf(context.User) is not { } id || access.User(context.User) is not { } me)
        {
            return TypedResults.Problem(title: "Not an API token", detail: $"{NotAToken(context.User)} Only a person's API token rotates itself.",
                statusCode: StatusCodes.Status409Conflict);
        }
        if (await directory.RotateAsync(id, me.Email, context.RequestAborted) is not var (old, made, secret))
        {
            return TypedResults.Problem(title: "Token revoked", detail: "This API token was revoked or replaced meanwhile; it cannot be rotated.",
                statusCode: StatusCodes.Status409Conflict);
        }
        await audit.RecordAsync(me.Email, AuditActions.TokenRotated, made.AuditTarget, $"replaces {old.AuditTarget}; {made.AuditLifetime}",
            ManagementApi.Address(context));
        return TypedResults.Created($"/api/v1/tokens/{made.Id}",
            new RotatedToken(made.Id, made.Name, made.Prefix, made.CreatedAt, made.ExpiresAt, secret, old.Id));
    }

    public static async Task<Results<Ok<ApiTokenDto>, ProblemHttpResult>> Get(int id, HttpContext context, ApiTokenDirectory directory,
        UserDirectory users, AccessResolver access, TimeProvider time)
    {
        if (await VisibleAsync(id, context, directory, access) is not { } token) return NoToken(id);
        return TypedResults.Ok(ApiTokenDto.From(token, users.Get(token.UserId), time.GetUtcNow()));
    }

    public static async Task<Results<Ok<ApiTokenDto>, ProblemHttpResult>> Revoke(int id, HttpContext context, ApiTokenDirectory directory,
        UserDirectory users, AccessResolver access, AuditLog audit, TimeProvider time)
    {
        if (await VisibleAsync(id, context, directory, access) is not { } token) return NoToken(id);
        var actor = access.ActorName(context.User);
        if (token.RevokedAt is null
            && await directory.RevokeAsync(id, token.UserId, anyOwner: true, revokedBy: actor, context.RequestAborted) is { } revoked)
        {
            var owner = users.Get(revoked.UserId);
            // As on the administrators' page: the target (name and prefix) does not say whose token someone else revoked.
            var details = owner is not null && owner.UserId != access.User(context.User)?.UserId ? $"owner {owner.Email}" : null;
            await audit.RecordAsync(actor, AuditActions.TokenRevoked, revoked.AuditTarget, details, ManagementApi.Address(context));
            token = revoked;
        }
        else if (token.RevokedAt is null)
        {
            token = await directory.GetAsync(id, context.RequestAborted) ?? token; // revoked meanwhile by someone else
        }
        return TypedResults.Ok(ApiTokenDto.From(token, users.Get(token.UserId), time.GetUtcNow()));
    }

    /// <summary>The token with this id if the caller may see it: their own, or anyone's for an administrator.</summary>
    private static async Task<ApiTokenInfo?> VisibleAsync(int id, HttpContext context, ApiTokenDirectory directory, AccessResolver access)
    {
        var token = await directory.GetAsync(id, context.RequestAborted);
        return token is not null && (access.IsAdministrator(context.User) || token.UserId == access.User(context.User)?.UserId) ? token : null;
    }

    /// <summary>The id of the person's API token the request came with; null for a sign-in session or the bootstrap token.</summary>
    private static int? TokenOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;

    private static string NotAToken(ClaimsPrincipal user) =>
        AccessResolver.IsBootstrap(user) ? "This request came with the bootstrap token, which is set in the configuration, not an API token."
        : user.Identity?.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName ? "This API token was revoked or replaced meanwhile."
        : "This request came with a sign-in session, not an API token.";

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult NoToken(int id) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no API token {id.ToString(CultureInfo.InvariantCulture)} that you may see.",
            statusCode: StatusCodes.Status404NotFound);
}
