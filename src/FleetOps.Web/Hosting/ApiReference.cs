using System.Text.Json.Nodes;
using FleetOps.Web.Ingestion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FleetOps.Web.Hosting;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and the reference page (<c>/api/reference</c>): what the API is, how each
/// half authenticates, the telemetry body's schema with an example per event type. The page runs without internet and
/// without the reference tool's hosted extras (AI agent, SDK generator, telemetry).
/// </summary>
public static class ApiReference
{
    public const string TerminalKeyScheme = "terminalKey";
    public const string ApiTokenScheme = "apiToken";

    private const string Description = """
        FleetOps watches a retail chain's card-payment terminals. This API has two halves.

        **Terminal API** — `POST /api/v1/telemetry`. Each terminal sends `Authorization: Bearer <terminal key>`, the key
        shown once when the terminal was registered (API, or the import page, which hands the keys over as a file). A key
        opens only this endpoint and only for its own terminal. Events are idempotent by `id`, may arrive late and out of
        order, and a full card number anywhere rejects the event; valid events of a batch are stored even when others are
        rejected.

        **Management API** — everything else under `/api/v1`. Send `Authorization: Bearer <API token>`; an administrator
        creates tokens on the *API tokens* page (a token acts as its user: same role, same stores). A user or token scoped
        to regions or stores sees only their terminals, payments and cases.

        Errors are `application/problem+json` with an English `type` and `title`. Times are ISO 8601 with an offset; money
        is an integer in the currency's minor unit (`amountMinor`: fen for CNY, yen for JPY). Lists take `page` and
        `pageSize` and answer `{ "items": [...], "total": n }`; an unknown filter value is a `400`.
        """;

    public static IServiceCollection AddApiReference(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "FleetOps API", Version = "v1", Description = Description };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [TerminalKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "The terminal's key, issued once at registration. Only for `POST /api/v1/telemetry`.",
                },
                [ApiTokenScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "An API token created on the API tokens page (or `FleetOps:Bootstrap:ApiToken`). It has its user's role and stores.",
                },
            };
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // The site's JSON options also read numbers written as strings, so numbers are documented as "integer or
            // string"; the telemetry parser takes JSON numbers only, and its schema says so.
            if (context.JsonPropertyInfo?.DeclaringType.IsAssignableTo(typeof(TelemetryEventSchema)) is true
                && schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var isTelemetry = metadata.OfType<IEndpointNameMetadata>().Any(n => n.EndpointName == TelemetryApi.EndpointName);
            if (isTelemetry) AddTelemetryExamples(operation);
            var signedIn = !metadata.OfType<IAllowAnonymous>().Any()
                && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());
            if (!signedIn) return Task.CompletedTask;
            var scheme = new OpenApiSecuritySchemeReference(isTelemetry ? TerminalKeyScheme : ApiTokenScheme, context.Document);
            operation.Security = [new OpenApiSecurityRequirement { [scheme] = [] }];
            return Task.CompletedTask;
        });
    });

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference", o => o
            .WithTitle("FleetOps API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts() // no CDN fonts: the sites run without internet
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideClientButton()
            .HideDeveloperTools());
        return app;
    }

    private static void AddTelemetryExamples(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) is not true) return;
        media.Examples = TelemetryExamples.All.ToDictionary(
            e => e.Name,
            e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = JsonNode.Parse(e.Json) });
    }
}
