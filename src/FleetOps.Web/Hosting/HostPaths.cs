namespace FleetOps.Web.Hosting;

/// <summary>
/// Where the site's files are. The repository keeps the web root at its top level (`/wwwroot`), shared by
/// everything the site serves; a published build carries a copy next to the binaries.
/// </summary>
public static class HostPaths
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
        WebRootPath = FindWebRoot(),
    };

    public static string FindWebRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FleetOps.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                {
                    return Path.Combine(dir.FullName, "wwwroot");
                }
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }
}
