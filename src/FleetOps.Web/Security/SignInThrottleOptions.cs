using FleetOps.Core.Settings;

namespace FleetOps.Web.Security;

/// <summary><c>FleetOps:SignIn</c>: how failed sign-ins from one address to one account are slowed down.</summary>
public sealed class SignInThrottleOptions : ICheckedSettings
{
    public const string Section = "FleetOps:SignIn";

    /// <summary>Failed attempts from one address on one e-mail before that pair is paused.</summary>
    public int FailuresBeforePause { get; set; } = 5;

    /// <summary>The first pause; each further failure after a pause doubles it, up to <see cref="LongestPause"/>.</summary>
    public TimeSpan FirstPause { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestPause { get; set; } = TimeSpan.FromMinutes(15);

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(FailuresBeforePause, 1, 1_000)
        .Range(FirstPause, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .Range(LongestPause, FirstPause, TimeSpan.FromDays(1))
        .ToList();
}
