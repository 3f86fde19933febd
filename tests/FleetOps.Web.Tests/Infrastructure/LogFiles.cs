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
    public static IReadOnlyList<string> Containing(string needle) =>
        Files().Where(file => Read(file).Contains(needle, StringComparison.Ordinal)).ToList();

    /// <summary>The lines of every log file that contain <paramref name="needle"/>.</summary>
    public static IReadOnlyList<string> Lines(string needle) =>
        Files().SelectMany(file => Read(file).Split('\n')).Where(line => line.Contains(needle, StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> Files() => Folders().SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));

    private static string Read(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
