using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no client address. A test that needs one (per-address sign-in limits, the audit's
/// "from where") sends it in <see cref="Header"/>; this runs before the app's own middleware.
/// </summary>
public sealed class RemoteAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    private static int _next;

    /// <summary>An address no other client of this test run uses (10.x.y.z).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}";
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
