using System.Text.RegularExpressions;
using FleetOps.Web.Hosting;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>
/// The C# files of src/ and tools/ and the public types each declares at namespace level. Every file uses a
/// file-scoped namespace, so a namespace-level declaration starts at column 0 and a nested one is indented.
/// Generated migrations are left out: their file names carry a timestamp.
/// </summary>
internal static partial class SourceFiles
{
    public static string Root { get; } = Path.GetDirectoryName(HostPaths.FindWebRoot())!;

    public static IEnumerable<string> CSharp() =>
        new[] { "src", "tools" }
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(f => !Segments(f).Any(s => s is "bin" or "obj" or "Migrations"))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> RazorComponentNames() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.razor", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension)!;

    public static IReadOnlyList<string> PublicTypes(string text) =>
        PublicDeclaration().Matches(text).Select(m => m.Groups["name"].Value).ToList();

    public static bool HasBlockNamespace(string text) => BlockNamespace().IsMatch(text);

    /// <summary>"Tokens.razor.cs" → "Tokens".</summary>
    public static string TypeNameOf(string path) => Path.GetFileName(path).Split('.')[0];

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string[] Segments(string path) => Relative(path).Split(Path.DirectorySeparatorChar);

    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|partial|readonly|ref|unsafe|file)\s+)*(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?|delegate\s+\S+)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicDeclaration();

    [GeneratedRegex(@"^namespace\s+[\w.]+\s*(?:\{|$)", RegexOptions.Multiline)]
    private static partial Regex BlockNamespace();
}
