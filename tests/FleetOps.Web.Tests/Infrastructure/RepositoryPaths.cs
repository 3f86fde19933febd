namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Where the repository is, for tests that run its build output as a separate process.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding FleetOps.sln, found upwards from the test assembly.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FleetOps.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FleetOps.sln not found above " + AppContext.BaseDirectory);
    }
}
