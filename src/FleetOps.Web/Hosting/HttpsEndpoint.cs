namespace FleetOps.Web.Hosting;

/// <summary>
/// Whether this server itself listens on HTTPS (<c>--urls</c>/<c>ASPNETCORE_URLS</c> with an https:// address,
/// <c>ASPNETCORE_HTTPS_PORTS</c>, or a Kestrel endpoint with an https:// URL). Only then are HSTS and the redirect from
/// http to https switched on: the demo and the tests on plain http://127.0.0.1 keep working, and a server behind a
/// TLS-terminating proxy is not sent into a redirect loop.
/// </summary>
public static class HttpsEndpoint
{
    public static bool IsConfigured(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(IsHttps)
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));

    private static bool IsHttps(string? url) => url?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
}
