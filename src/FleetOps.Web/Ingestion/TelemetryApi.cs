using System.Buffers;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Background;
using FleetOps.Web.Rollouts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// <c>POST /api/v1/telemetry</c>. The body is read by hand with a hard 1 MiB cap (so an oversized body
/// costs at most 1 MiB of memory), and is never logged: it may hold card data that the guard refuses.
/// The key is checked before this runs, by <see cref="TerminalKeyAuthenticationHandler"/> (401s); whether the key's
/// terminal may send this body (403s) depends on the body, so that is decided here.
/// </summary>
public static class TelemetryApi
{
    public const string EndpointName = "PostTelemetry";

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/telemetry", PostTelemetry)
            .WithName(EndpointName)
            .WithTags("Terminal API")
            .WithSummary("Terminals post heartbeats, power and transaction events")
            .WithDescription("Stores the valid events (idempotent by id) and lists each rejected one with its index and reason. "
                + "Whole-request errors store nothing.")
            .Accepts<TelemetryRequestSchema>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(TelemetryRateLimit.PolicyName)
            .RequireAuthorization(TerminalKeyAuthenticationHandler.Policy)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<TelemetryResponse>, ProblemHttpResult>> PostTelemetry(
        HttpContext context,
        FleetState fleet,
        EventWriter writer,
        TimeProvider time,
        IOptions<TelemetryOptions> options,
        IOptions<RetentionOptions> retention,
        RolloutBook rollouts)
    {
        var owner = TerminalKeyAuthenticationHandler.TerminalId(context.User);
        var body = await ReadBoundedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A request body may be at most {TelemetryBatch.MaxBodyBytes} bytes.");
        }
        var limits = new EventLimits(TimeSpan.FromDays(options.Value.MaxEventAgeDays), retention.Value.HeartbeatHours);
        var batch = TelemetryBatch.Parse(body.Value, time.GetUtcNow(), limits, out var problem);
        if (batch is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid telemetry request", problem!);
        }
        // The body may name its terminal in any letter case (ids are unique ignoring case); everything below is written under
        // the key's owner, the id as registered, so events, state, roll-ups and transactions never carry the body's spelling.
        if (!string.Equals(batch.TerminalId, owner, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status403Forbidden, "Key belongs to another terminal", "The key does not belong to the terminal named in 'terminalId'.");
        }
        var terminal = fleet.Get(owner);
        if (terminal is null || terminal.Registration.Decommissioned)
        {
            return Problem(StatusCodes.Status403Forbidden, "Terminal decommissioned", "This terminal has been decommissioned and may not send telemetry.");
        }

        var valid = batch.Valid.ToList();
        var result = new IngestResult(0, 0);
        if (valid.Count > 0)
        {
            try
            {
                result = await writer.WriteAsync(owner, valid, context.RequestAborted);
            }
            catch (StorageUnavailableException)
            {
                context.Response.Headers.RetryAfter = "5";
                return Problem(StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "The events were not stored; retry later with the same event ids.");
            }
        }

        // The newest started wave the terminal belongs to decides; outside every started wave the model's target stays.
        var target = fleet.TargetFor(terminal.Model);
        var wave = rollouts.TargetOf(owner);
        var directives = new TelemetryDirectives(options.Value.HeartbeatIntervalSeconds,
            wave?.AppVersion ?? target?.AppVersion, wave?.FirmwareVersion ?? target?.FirmwareVersion);
        var rejected = batch.Rejected.Select(r => new RejectedEvent(r.Index, r.Id, r.Error!)).ToList();
        return TypedResults.Ok(new TelemetryResponse(result.Accepted, result.Duplicates, rejected, directives));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <returns>The body, or null when it is larger than the protocol allows.</returns>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int max = TelemetryBatch.MaxBodyBytes;
        if (request.ContentLength > max) return null;
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, max) + 1);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0) return buffer.WrittenMemory;
            buffer.Advance(read);
            if (buffer.WrittenCount > max) return null;
        }
    }
}
