using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// Bulk onboarding over HTTP (not part of docs/api.md; described in the OpenAPI document and docs/operations.md).
/// Administrators only, like the register endpoints.
/// </summary>
public static class OnboardingApi
{
    public const string ImportPath = "/api/v1/imports/terminals";
    public const string TemplatePath = "/api/v1/imports/terminals/template.csv";
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string StoresHeader = "X-Imported-Stores";
    public const string TerminalsHeader = "X-Imported-Terminals";

    /// <summary>Room for the multipart envelope around a file of the largest allowed size.</summary>
    private const int MultipartSlack = 64 * 1024;

    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/imports")
            .RequireAuthorization(AccessPolicies.SignedIn)
            .RequireAuthorization(AccessPolicies.Administrator)
            .WithTags("Onboarding")
            .DisableAntiforgery();
        api.MapPost("/terminals", ImportAsync).WithName("ImportTerminals")
            .WithSummary("Imports stores and terminals from one CSV or XLSX file, all or nothing")
            .WithDescription(
                "The file (at most 10 MB) comes as the raw body with Content-Type text/csv (UTF-8) or " + XlsxType +
                ", or as the one file of a multipart/form-data body (its type from its Content-Type or its .csv/.xlsx name). " +
                "Header row (names case-insensitive): storeCode, storeName, region, timeZone, terminalId, serialNumber (optional), model. " +
                "A row creates its store when the code is new and a terminal when terminalId is given. " +
                "200: text/csv attachment 'terminalId,key' with the new terminals' keys, shown this once; counts in the " +
                StoresHeader + " and " + TerminalsHeader + " headers. " +
                "400: nothing imported; problem+json with 'errors' [{row, column, error}] (the first 1,000; row 0 = the whole file) and 'errorCount'. " +
                "413: larger than 10 MB. 415: neither CSV nor XLSX. 409: another server registered one of its codes or ids meanwhile.")
            .Accepts<IFormFile>("multipart/form-data", CsvType, XlsxType)
            .Produces<string>(StatusCodes.Status200OK, CsvType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/terminals/template.csv", () => Results.Text(ImportColumns.TemplateCsv(), CsvType))
            .WithName("TerminalImportTemplate")
            .WithSummary("The onboarding file's header row and one example row, as CSV")
            .Produces<string>(StatusCodes.Status200OK, CsvType);
        return app;
    }

    public static async Task<IResult> ImportAsync(HttpContext context, OnboardingImport import, AccessResolver access, CancellationToken cancellationToken)
    {
        var request = context.Request;
        // Kestrel stops reading past the limit even when no Content-Length was sent (chunked).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = OnboardingImport.MaxBytes + MultipartSlack;
        if (request.ContentLength > OnboardingImport.MaxBytes + MultipartSlack) return TooLarge();
        try
        {
            var (content, format, problem) = await ContentAsync(request, cancellationToken);
            if (problem is not null) return problem;
            var outcome = await import.RunAsync(content!, format, access.ActorName(context.User),
                context.Connection.RemoteIpAddress?.ToString(), null, cancellationToken);
            if (outcome.TooLarge) return TooLarge();
            if (outcome.LostRaceWithAnotherNode) return Results.Problem(title: "Registered meanwhile", detail: outcome.Errors[0].Error, statusCode: 409);
            if (!outcome.Imported) return Refused(outcome);
            context.Response.Headers[StoresHeader] = outcome.Stores.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers[TerminalsHeader] = outcome.Terminals.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(outcome.KeysCsv()), CsvType, KeysFileName(outcome));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
    }

    public static string KeysFileName(ImportOutcome outcome) => $"terminal-keys-{outcome.Terminals}.csv";

    /// <summary>The file and its type from a raw body or the one file of a multipart form; a problem when neither fits.</summary>
    private static async Task<(Stream? Content, ImportFormat Format, IResult? Problem)> ContentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)) return (null, default, Unsupported());
        if (FormatOf(media.MediaType.Value, null) is { } raw) return (request.Body, raw, null);
        if (!request.HasFormContentType) return (null, default, Unsupported());
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files is not [var file])
        {
            return (null, default, Results.Problem(title: "No file", detail: "Send exactly one file in the multipart form.", statusCode: 400));
        }
        if (file.Length > OnboardingImport.MaxBytes) return (null, default, TooLarge());
        var contentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var fileMedia) ? fileMedia.MediaType.Value : null;
        return FormatOf(contentType, file.FileName) is { } format ? (file.OpenReadStream(), format, null) : (null, default, Unsupported());
    }

    /// <summary>A file's type from its media type, else its name's ending; null when it is neither CSV nor XLSX.</summary>
    internal static ImportFormat? FormatOf(string? mediaType, string? fileName) =>
        string.Equals(mediaType, CsvType, StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv
        : string.Equals(mediaType, XlsxType, StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx
        : fileName?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true ? ImportFormat.Csv
        : fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true ? ImportFormat.Xlsx
        : null;

    private static IResult Refused(ImportOutcome outcome) => Results.Problem(
        title: "The file was not imported",
        detail: $"{outcome.ErrorCount} problem{(outcome.ErrorCount == 1 ? "" : "s")} found; nothing was imported. Fix every listed row and send the whole file again.",
        statusCode: 400,
        extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors, ["errorCount"] = outcome.ErrorCount });

    private static IResult TooLarge() => Results.Problem(title: "File too large", detail: OnboardingImport.TooLargeMessage, statusCode: 413);

    private static IResult Unsupported() => Results.Problem(title: "Unsupported file type",
        detail: $"Send the file as {CsvType} (UTF-8), as {XlsxType}, or as one file (.csv or .xlsx) in a multipart/form-data body.", statusCode: 415);
}
