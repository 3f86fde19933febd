using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Hosting;

/// <summary>
/// The HTTP API answers a problem as JSON whatever the client's <c>Accept</c> header asks for. ASP.NET Core's own writer
/// declines a client that names no JSON type (<c>Accept: text/html</c>), and a problem result then writes itself without
/// <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>: neither the guard against echoed card numbers
/// (<see cref="EchoedCardNumbers"/>) nor the translation ran. Registered after the default writer, this one is asked only
/// for what the default declines, and takes it only under <c>/api</c>, so pages keep their own error answers.
/// </summary>
internal sealed class ApiProblemWriter(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments("/api");

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()),
            contentType: "application/problem+json"));
    }
}
