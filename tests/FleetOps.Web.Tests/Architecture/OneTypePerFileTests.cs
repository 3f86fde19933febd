using System.Reflection;
using System.Runtime.CompilerServices;
using FleetOps.Core.Fleet;
using FleetOps.Web.Hosting;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>One public type per file, named after it, so a type is found by its name (Razor components excepted: their markup is the file).</summary>
public sealed class OneTypePerFileTests
{
    [Fact]
    public void Each_file_declares_at_most_one_public_type_named_after_the_file()
    {
        var files = SourceFiles.CSharp().ToList();
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (SourceFiles.HasBlockNamespace(text)) problems.Add($"{SourceFiles.Relative(file)}: use a file-scoped namespace");
            var types = SourceFiles.PublicTypes(text);
            if (types.Count > 1) problems.Add($"{SourceFiles.Relative(file)} declares {string.Join(", ", types)}: one public type per file");
            else if (types.Count == 1 && types[0] != SourceFiles.TypeNameOf(file)) problems.Add($"{SourceFiles.Relative(file)} declares {types[0]}: name the file after it");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Keeps the test above honest: a declaration its pattern cannot read would otherwise pass unseen.</summary>
    [Fact]
    public void Every_public_type_of_Web_and_Core_is_seen_in_a_source_file()
    {
        var declared = SourceFiles.CSharp().SelectMany(f => SourceFiles.PublicTypes(File.ReadAllText(f))).ToHashSet();
        var components = SourceFiles.RazorComponentNames().ToHashSet();
        var missed = new[] { typeof(FleetState).Assembly, typeof(FleetOpsSetup).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace?.Contains(".Migrations") != true)
            .Select(t => t.Name.Split('`')[0])
            .Where(name => !declared.Contains(name) && !components.Contains(name))
            .Order()
            .ToList();
        Assert.True(missed.Count == 0, "Public types the source scan did not find: " + string.Join(", ", missed));
    }
}
