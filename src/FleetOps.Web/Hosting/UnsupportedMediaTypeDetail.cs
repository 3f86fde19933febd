namespace FleetOps.Web.Hosting;

/// <summary>
/// Routing answers 415 by itself when an endpoint declares the body types it reads (<c>Accepts</c>: telemetry JSON, file
/// uploads) and the request's Content-Type is none of them — with a title and no detail, so a terminal maker who sent
/// <c>text/plain</c> was not told what to send instead. An endpoint's own 415 (the terminal import) keeps its detail.
/// </summary>
public static class UnsupportedMediaTypeDetail
{
    public const string Detail =
        "This endpoint does not read a body of this Content-Type; the API reference (/api/reference) lists what each endpoint accepts — JSON as 'application/json'.";

    public static void Fill(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && string.IsNullOrEmpty(context.ProblemDetails.Detail))
            context.ProblemDetails.Detail = Detail;
    }
}
