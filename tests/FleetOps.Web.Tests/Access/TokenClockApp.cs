using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// An app on a fake clock, so that a token's expiry arrives when the test says; on a whole second, as tokens' times are
/// kept, so that an expiry is exactly the lifetime after the token was made.
/// </summary>
public sealed class TokenClockApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())),
});
