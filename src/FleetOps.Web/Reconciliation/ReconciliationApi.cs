using FleetOps.Core.Fleet;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Api;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// PROTOCOL §11: settlement report import and the imported reports. The multipart body is read section by section: the
/// file is copied to a temporary file as it arrives (never buffered whole, at most 50 MB), the text fields are small.
/// Only administrators import: a report covers every store the acquirer credits, so its import changes credit states
/// and cases of stores outside a regional manager's regions (docs/design/reconciliation.md).
/// </summary>
public static class ReconciliationApi
{
    public const string ReportsPath = "/api/v1/reconciliation/reports";

    /// <summary>Room for the multipart envelope and the text fields around a file of the largest allowed size.</summary>
    // A restart takes tens of seconds (migration, the start-up load).
    private const int StoppedRetryAfterSeconds = 60;

    private const int MultipartSlack = 64 * 1024;

    private const int MaxFieldBytes = 1024;

    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reconciliation").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Reconciliation")
            .DisableAntiforgery();
        api.MapPost("/reports", ImportAsync).WithName("ImportSettlementReport").RequireAuthorization(AccessPolicies.Administrator)
            .WithSummary("Imports an acquirer's settlement report (CSV or XLSX) and matches it with the terminals' sales (administrators)")
            .WithDescription("multipart/form-data: file, acquirer, optional profile (default generic). 201 with the counts and per-row errors; "
                + "200 with the first import when the same file came before; 400 naming missing or unknown columns, an unknown profile or "
                + "acquirer, an acquirer name not in lower case, a file without lines, or the row holding a full card number (nothing stored); "
                + "413 above 50 MB. Booking dates after tomorrow or older than FleetOps:Reconciliation:MaxBookingAgeDays are per-row errors.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ReportDto>(StatusCodes.Status201Created)
            .Produces<ReportDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/reports", ListAsync).WithName("ListSettlementReports")
            .WithSummary("Imported settlement reports, newest first, with the figures of the caller's stores");
        api.MapGet("/reports/{id:long}", GetAsync).WithName("GetSettlementReport")
            .WithSummary("One imported settlement report; 404 when it has no line of the caller's stores")
            .Produces<ReportDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> ImportAsync(HttpContext context, ReconciliationService reconciliation, AccessResolver access,
        CancellationToken cancellationToken)
    {
        // Kestrel stops reading past the limit even when no Content-Length was sent (chunked).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = ReconciliationService.MaxBytes + MultipartSlack;
        if (context.Request.ContentLength > ReconciliationService.MaxBytes + MultipartSlack) return TooLarge();
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Bad("Not a form", "Send multipart/form-data with the fields file, acquirer and (optionally) profile.");
        }
        ReportSpool? spool = null;
        try
        {
            string? acquirer = null, profile = null, fileName = null, fileType = null;
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == "file" && spool is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    fileType = section.ContentType;
                    spool = await ReportSpool.CreateAsync(section.Body, ReconciliationService.MaxBytes, cancellationToken);
                    if (spool.TooLarge) return TooLarge();
                }
                else if (name is "acquirer" or "profile")
                {
                    var value = await FieldAsync(section.Body, cancellationToken);
                    if (value is null) return Bad("Field too long", $"'{name}' is longer than {MaxFieldBytes} bytes.");
                    if (name == "acquirer") acquirer = value;
                    else profile = value;
                }
            }
            if (spool is null) return Bad("No file", "Send the report as the form field 'file'.");
            if (string.IsNullOrWhiteSpace(acquirer)) return Bad("No acquirer", "'acquirer' is required: the acquirer whose settlement report this is.");
            var mediaType = MediaTypeHeaderValue.TryParse(fileType, out var fileMedia) ? fileMedia.MediaType.Value : null;
            if (OnboardingApi.FormatOf(mediaType, fileName) is not { } format)
            {
                return Bad("Unsupported file type", $"Send the report as CSV ({OnboardingApi.CsvType}, UTF-8, .csv) or XLSX ({OnboardingApi.XlsxType}, .xlsx).");
            }
            var upload = new ReportUpload(fileName ?? "report", format, acquirer, profile, access.ActorName(context.User));
            var outcome = await reconciliation.ImportAsync(upload, spool, null, cancellationToken);
            return outcome.Status switch
            {
                ReportImportStatus.Imported => Results.Created($"{ReportsPath}/{outcome.Report!.Id}", ReportDto.From(outcome.Report)),
                ReportImportStatus.AlreadyImported => Results.Ok(ReportDto.From(outcome.Report!)),
                ReportImportStatus.TooLarge => TooLarge(),
                ReportImportStatus.Stopped => Stopped(context, outcome.Problem!),
                _ => Bad("The report was not imported", outcome.Problem!),
            };
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body (bad boundary, headers too long): the client's fault, answered as such.
            return Bad("Not a form", "The multipart/form-data body could not be read.");
        }
        finally
        {
            if (spool is not null) await spool.DisposeAsync();
        }
    }

    public static async Task<IResult> ListAsync(ReconciliationService reconciliation, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken)
    {
        var reports = await reconciliation.ListAsync(access.Scope(context.User), cancellationToken);
        return Results.Ok(new PagedResult<ReportDto>(reports.Select(ReportDto.From).ToList(), reports.Count));
    }

    public static async Task<IResult> GetAsync(long id, ReconciliationService reconciliation, HttpContext context, AccessResolver access,
        CancellationToken cancellationToken) =>
        await reconciliation.GetAsync(id, access.Scope(context.User), cancellationToken) is { } report
            ? Results.Ok(ReportDto.From(report))
            : Results.Problem(title: "Not found", detail: $"No settlement report {id}.", statusCode: 404);

    /// <summary>A small text field; null when it is longer than <see cref="MaxFieldBytes"/>.</summary>
    private static async Task<string?> FieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        return length > MaxFieldBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    private static IResult Bad(string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: 400);

    /// <summary>
    /// 503 with Retry-After, as telemetry refused during an outage: the client learns to send the file again, and the request
    /// log keeps it at Information — the import's own warning says why, once.
    /// </summary>
    private static IResult Stopped(HttpContext context, string problem)
    {
        context.Response.Headers.RetryAfter = StoppedRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "FleetOps is stopping", detail: problem);
    }

    private static IResult TooLarge() => Results.Problem(title: "File too large", detail: ReconciliationService.TooLargeMessage, statusCode: 413);
}
