namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// Runs only as root on Linux, where a test can mount a small tmpfs and fill it: a real full disk under a real server,
/// as an operator meets it. No portable way gives SQLite's "database or disk is full" on the server's own connection
/// without a hook in the server made for tests (SQLite's max_page_count holds per connection), so elsewhere it is skipped.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "Needs root on Linux, to mount a small tmpfs and fill it.";
        }
    }
}
