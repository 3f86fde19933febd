using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// Management API bodies that are JSON on the surface but not text underneath: an escaped lone surrogate or bytes that
/// are not UTF-8. Each is the caller's mistake (400), never a server error, and nothing of it is kept.
/// </summary>
public sealed class MalformedBodyTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "/api/v1/stores", """{"code":"S-SUR","name":"Xu\ud800hui","region":"East","timeZone":"Asia/Shanghai"}""" },
        { "/api/v1/stores", """{"code":"S-SUR2","name":"Xuhui","region":"\udc00","timeZone":"Asia/Shanghai"}""" },
        { "/api/v1/stores", """{"code":"S-SUR3","name":"Xuhui","region":"East","timeZone":"Asia/Shanghai","\ud800":1}""" },
        { "/api/v1/terminals", """{"terminalId":"T-SUR","storeCode":"X","model":"A9\ud83d","serialNumber":"1"}""" },
        { "/api/v1/software/targets/A920", """{"appVersion":"\ud800","firmwareVersion":"1.0"}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Unpaired_surrogate_escape_is_400(string path, string body)
    {
        using var response = await SendAsync(path, Encoding.UTF8.GetBytes(body));

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/v1/stores", "{\"code\":\"S-UTF\",\"name\":\"Xu", "\",\"region\":\"East\",\"timeZone\":\"Asia/Shanghai\"}")]
    [InlineData("/api/v1/terminals", "{\"terminalId\":\"T-UTF\",\"storeCode\":\"S\",\"model\":\"", "\"}")]
    [InlineData("/api/v1/software/targets/A920", "{\"appVersion\":\"1.0\",\"firmwareVersion\":\"", "\"}")]
    public async Task Invalid_utf8_is_400(string path, string before, string after)
    {
        foreach (var bad in new byte[][] { [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80] })
        {
            byte[] body = [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];

            using var response = await SendAsync(path, body);

            await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, byte[] body)
    {
        using var client = app.CreateAdminClient();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(path.Contains("targets", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post, path) { Content = content };
        return await client.SendAsync(request);
    }
}
