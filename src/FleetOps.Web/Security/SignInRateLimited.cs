using FleetOps.Web.Ingestion;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;

namespace FleetOps.Web.Security;

/// <summary>
/// The answer to a sign-in form post over <see cref="TelemetryRateLimit.SignInPolicy"/>: people post that form from a
/// browser, which showed the rate limiter's bare 429 as an empty page. They are sent back to the sign-in page, told to
/// wait a minute, with the e-mail typed as every other refusal does (<see cref="AccountApi.Refused"/>). Nothing else is
/// rate limited with that policy, so the API keeps its problem answer.
/// </summary>
public static class SignInRateLimited
{
    /// <summary>Whether <paramref name="context"/> is a form post refused by the sign-in policy.</summary>
    public static bool Applies(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == TelemetryRateLimit.SignInPolicy
        && context.Request.HasFormContentType;

    public static async Task AnswerAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (email, returnUrl) = await TypedAsync(context, cancellationToken);
        await AccountApi.Refused(context, AccountApi.LocalOr(returnUrl, "/"), email, "limited").ExecuteAsync(context);
    }

    /// <summary>
    /// The e-mail and return address posted. The rate limiter answers before the endpoint checks the anti-forgery token,
    /// so it is checked here: only the app's own form gets its e-mail handed back (else another site could fill it in);
    /// a form that cannot be read still gets the page, without it.
    /// </summary>
    private static async Task<(string Email, string? ReturnUrl)> TypedAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            var ours = await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
            return (ours ? form["Email"].ToString().Trim() : "", form["ReturnUrl"].ToString());
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ("", null);
        }
    }
}
