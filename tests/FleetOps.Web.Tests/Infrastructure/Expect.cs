using System.Net;
using System.Text.Json.Nodes;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Assertions on HTTP answers that show the body when they fail.</summary>
public static class Expect
{
    public static async Task StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {Shorten(body)}");
    }

    public static async Task<JsonObject> JsonObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {Shorten(text)}");
    }

    /// <summary>A whole-request error: the status and an application/problem+json body with that status.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await StatusAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonObjectAsync(response);
        Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
        return problem;
    }

    /// <summary>A 400 ValidationProblem naming <paramref name="field"/> among its errors.</summary>
    public static async Task<JsonObject> ValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"] as JsonObject;
        Assert.True(errors is not null && errors.ContainsKey(field), $"Expected a validation error for '{field}': {problem.ToJsonString()}");
        return problem;
    }

    public static string Wire(JsonNode? node) => node?.GetValue<string>() ?? "(null)";

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
