using System.Text.Json;
using FleetOps.Core.Detection;
using FleetOps.Web.Security;
using FleetOps.Web.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetOps.Web.Api;

/// <summary>
/// The detection thresholds that may be changed live (docs/api.md, FleetOps additions to §3), administrators only.
/// The body is read as raw JSON rather than bound to a type: an unknown name or a value of the wrong type must be a
/// 400 naming it, which a typed binder would either ignore or turn into one unnamed error.
/// </summary>
public static class DetectionSettingsApi
{
    public static IEndpointRouteBuilder MapDetectionSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/settings/detection").RequireAuthorization(AccessPolicies.Administrator).WithTags("Settings").DisableAntiforgery();
        api.MapGet("", Get).WithName("GetDetectionSettings")
            .WithSummary("The thresholds that may be changed live: value in force, configured default, whether overridden");
        api.MapPut("", Put).WithName("SetDetectionSettings")
            .WithSummary("Changes some thresholds (null resets one to its configured value), applied at once and audited; all or nothing");
        return app;
    }

    public static Ok<Dictionary<string, ThresholdDto>> Get(ThresholdSettings thresholds) => TypedResults.Ok(Dto(thresholds.Current()));

    public static async Task<Results<Ok<Dictionary<string, ThresholdDto>>, ValidationProblem>> Put(
        JsonElement body, ThresholdSettings thresholds, HttpContext context, AccessResolver access, CancellationToken cancellationToken)
    {
        var (changes, errors) = Read(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await thresholds.SaveAsync(changes, access.ActorName(context.User), ManagementApi.Address(context), cancellationToken);
        return result.Saved ? TypedResults.Ok(Dto(result.Values)) : TypedResults.ValidationProblem(result.Errors);
    }

    private static (Dictionary<string, double?> Changes, Dictionary<string, string[]> Errors) Read(JsonElement body)
    {
        var changes = new Dictionary<string, double?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object || !body.EnumerateObject().Any())
        {
            errors["body"] = ["Expected an object of one or more thresholds, e.g. { \"unstablePowerLosses\": 2 }."];
            return (changes, errors);
        }
        foreach (var property in body.EnumerateObject())
        {
            if (Thresholds.Find(property.Name) is not { } setting)
            {
                errors[property.Name] = [$"Not a threshold that may be changed here; these are: {string.Join(", ", Thresholds.Editable.Select(s => s.JsonName))}."];
            }
            else if (property.Value.ValueKind == JsonValueKind.Null) changes[setting.Name] = null;
            else if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var value)) changes[setting.Name] = value;
            else errors[property.Name] = ["Must be a number, or null to go back to the configured value."];
        }
        return (changes, errors);
    }

    private static Dictionary<string, ThresholdDto> Dto(IEnumerable<ThresholdValue> values) =>
        values.ToDictionary(v => v.Setting.JsonName, v => new ThresholdDto(v.Value, v.Configured, v.Overridden));
}
