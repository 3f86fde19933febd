using System.Net;
using System.Text;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// A refusal that names what was sent ("There is no store '…'") never hands a full card number back: the caller is told
/// the field holds one, and the number is not in the answer.
/// </summary>
public sealed class EchoedCardNumberTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string Card = "4111111111111111";

    public static TheoryData<string, string, string, HttpStatusCode> Refusals => new()
    {
        // method, path, body, status
        { "POST", "/api/v1/mutes", $$"""{"storeCode":"{{Card}}","until":"2099-01-01T00:00:00+00:00"}""", HttpStatusCode.BadRequest },
        { "POST", $"/api/v1/stores/{Card}/staff", """{"name":"A","role":"cashier","startedOn":"2025-01-01"}""", HttpStatusCode.NotFound },
        { "POST", "/api/v1/training/sessions", $$"""{"storeCode":"{{Card}}","programme":"card_payment","heldOn":"2025-01-01","trainer":"T","staffIds":[1]}""",
            HttpStatusCode.BadRequest },
        { "POST", "/api/v1/software/rollouts", $$"""{"model":"A920","appVersion":"V{{Card}}","waves":[{"percent":100}]}""", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_says_the_field_holds_a_card_number_without_repeating_it(string method, string path, string body, HttpStatusCode status)
    {
        using var response = await SendAsync(method, path, body, accept: null);

        var problem = (await Expect.ProblemAsync(response, status)).ToJsonString();
        Assert.DoesNotContain(Card, problem, StringComparison.Ordinal);
        Assert.Contains("full card number", problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// A client that does not ask for JSON (a browser's address bar, a script sending <c>Accept: text/html</c>) gets the
    /// same problem, through the same guard and translation: the API answers problems as JSON whatever it was asked for.
    /// </summary>
    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_client_that_does_not_ask_for_json_gets_the_same_guarded_problem(string method, string path, string body, HttpStatusCode status)
    {
        using var response = await SendAsync(method, path, body, accept: "text/html");

        var problem = (await Expect.ProblemAsync(response, status)).ToJsonString();
        Assert.DoesNotContain(Card, problem, StringComparison.Ordinal);
        Assert.Contains("full card number", problem, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string body, string? accept)
    {
        using var admin = app.CreateAdminClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await admin.SendAsync(request);
    }
}
