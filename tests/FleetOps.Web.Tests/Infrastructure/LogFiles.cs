namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>The log files the app writes (Serilog's file sink, "logs/" under the working directory).</summary>
public static class LogFiles
{
    public static IEnumerable<string> Folders() =>
        new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(root => Path.GetFullPath(Path.Combine(root, "logs")))
            .Distinct()
            .Where(Directory.Exists);

    /// <summary>The log files whose text contains <paramref name="needle"/>.</summary>
    public static IReadOnlyList<string> Containing(string needle)
    {
        var found = new List<string>();
        foreach (var file in Folders().SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            if (reader.ReadToEnd().Contains(needle, StringComparison.Ordinal)) found.Add(file);
        }
        return found;
    }
}
