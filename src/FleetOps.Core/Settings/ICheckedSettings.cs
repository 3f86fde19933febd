namespace FleetOps.Core.Settings;

/// <summary>
/// A settings class that knows its own rules. The host checks them once at start-up and refuses to start on a wrong
/// value, so a typo in a deployment is a clear message at once rather than odd behaviour hours later.
/// </summary>
public interface ICheckedSettings
{
    /// <summary>What is wrong, one message per setting, each naming the setting by its full configuration key; empty when all is well.</summary>
    IReadOnlyList<string> Problems();
}
