using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using FleetOps.Web.Security;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// Per-terminal rate limit on telemetry with ASP.NET Core's token bucket: one misbehaving terminal
/// (a retry loop without back-off) cannot starve the writer for the rest of the fleet.
/// </summary>
public static class TelemetryRateLimit
{
    public const string PolicyName = "telemetry-per-terminal";
    public const string SignInPolicy = "sign-in-per-address";

    public static IServiceCollection AddTelemetryRateLimit(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                if (SignInRateLimited.Applies(context.HttpContext))
                {
                    await SignInRateLimited.AnswerAsync(context.HttpContext, cancellationToken);
                    return;
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                        detail: $"Too many requests; retry after {retryAfter} s.")
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(PolicyName, context =>
            {
                // Runs before authentication (UseRateLimiter precedes UseAuthentication), so a flood is refused before
                // any key is checked and 429 wins over 401 as it always has. Partition by the presented key (hashed,
                // never kept in clear): one valid key is one terminal; requests without one fail authentication anyway.
                var key = BearerToken.From(context.Request);
                var partition = key is null ? "anonymous" : Convert.ToHexString(TerminalKeys.Hash(key));
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.TelemetryBurst,
                    TokensPerPeriod = limits.TelemetryRequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
