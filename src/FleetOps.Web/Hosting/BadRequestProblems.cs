using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Says what was wrong with a request the endpoints never saw: a body that is not JSON or not of the endpoint's shape, a
/// query or route value of the wrong type, a missing required value. Minimal APIs answer those with a bare 400 outside
/// Development; with <c>ThrowOnBadRequest</c> they come here and get a problem whose detail names the field (from the
/// JSON path or the parameter's name) and what it must be — never the value sent, which may be a card number.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted) return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        var detail = Describe(bad);
        // As the endpoints' own refusals: a validation problem naming the field ("body" when none can be named).
        var problem = bad.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(bad) ?? "body"] = [detail] })
            : new ProblemDetails();
        problem.Status = bad.StatusCode;
        problem.Detail = detail;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private static string? FieldOf(BadHttpRequestException bad) =>
        // A reader error (JSON that is not well formed) is the body's, though its path names where the reader stopped.
        bad.InnerException is JsonException json ? (json.InnerException is JsonException ? null : Field(json.Path))
        : BindPattern().Match(bad.Message) is { Success: true } bind ? bind.Groups["name"].Value
        : RequiredPattern().Match(bad.Message) is { Success: true } required ? required.Groups["name"].Value
        : null;

    /// <summary>The detail of the problem: the field and the rule, in English (localised like every detail).</summary>
    public static string Describe(BadHttpRequestException bad)
    {
        var field = FieldOf(bad);
        if (bad.InnerException is JsonException json)
        {
            if (field is null) return "The request body is not valid JSON of the expected shape.";
            // Our converter's refusal says the rule; the runtime's own messages are not repeated (they describe types).
            if (json.Message.StartsWith(OffsetTimestampConverter.OutOfRangeRefusal, StringComparison.Ordinal)) return ListFilter.OutOfRange(field);
            if (json.Message.StartsWith(CalendarDateConverter.Refusal, StringComparison.Ordinal)) return $"'{field}' must be a date such as 2026-11-28.";
            // The serializer's own words for a repeated field (AllowDuplicateProperties off, FleetOpsSetup); BindingProblemTests
            // notices if a runtime update rewords them.
            if (json.Message.StartsWith("Duplicate property", StringComparison.Ordinal)) return $"'{field}' is given more than once; give each field once.";
            if (json.Message.StartsWith(OffsetTimestampConverter.Refusal, StringComparison.Ordinal))
                return $"'{field}' must be an RFC 3339 timestamp with an offset, e.g. 2026-11-25T08:00:00+08:00.";
            // A name the enumeration does not have ("kind": "bogus") is told the names it has, as the filters tell them.
            return TargetType(json) is { } target && WireNames.TryOneOf(target) is { } oneOf ? $"'{field}' {oneOf}" : $"'{field}' has a value of the wrong type.";
        }
        if (field is not null) return RequiredPattern().IsMatch(bad.Message) ? $"'{field}' is required." : $"'{field}' has a value of the wrong type.";
        return bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request body is missing or is not JSON.";
    }

    /// <summary>
    /// The type the serializer could not read the value as. Its message names it ("The JSON value could not be converted to
    /// FleetOps.Core.Alerts.AlertKind. Path: $.kinds[1]"), or, for a value bound to a property, the object that has the
    /// property ("… converted to FleetOps.Web.Api.CreateWorkOrderRequest. Path: $.kind"): then the path's last name is the
    /// property. Only FleetOps' own types are looked up.
    /// </summary>
    private static Type? TargetType(JsonException json)
    {
        if (ConvertedToPattern().Match(json.Message) is not { Success: true } match) return null;
        var name = match.Groups["type"].Value;
        if (name.IndexOf('[', StringComparison.Ordinal) is var open and > 0) name = name[(open + 1)..name.LastIndexOf(']')];
        if (!name.StartsWith("FleetOps.", StringComparison.Ordinal)) return null; // an array's "X[]", the runtime's own types
        try
        {
            var named = typeof(WireNames).Assembly.GetType(name) ?? typeof(BadRequestProblems).Assembly.GetType(name);
            if (named is null || named.IsEnum || json.Path is not { } path) return named;
            var last = path[(path.LastIndexOf('.') + 1)..];
            if (last.Contains('[', StringComparison.Ordinal)) return null; // an item of a list of objects: its own type was named
            return named.GetProperty(last, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }
        catch (Exception e) when (e is ArgumentException or AmbiguousMatchException)
        {
            return null; // the plain "wrong type" then: explaining a refusal must never turn it into a 500
        }
    }

    [GeneratedRegex("""could not be converted to (?<type>[A-Za-z0-9_.`\[\]]+)\. Path:""")]
    private static partial Regex ConvertedToPattern();

    /// <summary>The field the JSON path names ("$.stores[0]" → "stores[0]"), when it is safe to repeat.</summary>
    private static string? Field(string? path) =>
        path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) && TextRules.Problem("field", p[2..]) is null ? p[2..] : null;

    // Failed to bind parameter "int page" from "…". The value is left out on purpose.
    [GeneratedRegex("""^Failed to bind parameter "[^" ]+ (?<name>[A-Za-z0-9_]+)" from""")]
    private static partial Regex BindPattern();

    // Required parameter "string code" was not provided from route.
    [GeneratedRegex("""^Required parameter "[^" ]+ (?<name>[A-Za-z0-9_]+)" was not provided""")]
    private static partial Regex RequiredPattern();
}
