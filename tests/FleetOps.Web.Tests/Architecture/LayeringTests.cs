using FleetOps.Core.Fleet;
using FleetOps.Web.Hosting;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>The namespaces of the compiled FleetOps.Web and FleetOps.Core keep to <see cref="Layering"/>.</summary>
public sealed class LayeringTests
{
    private static readonly NamespaceGraph Graph =
        NamespaceGraph.Of([typeof(FleetState).Assembly, typeof(FleetOpsSetup).Assembly], Layering.AreaOf);

    [Fact]
    public void No_two_namespaces_use_each_other()
    {
        var cycles = Graph.Cycles().Select(areas =>
            string.Join(" ↔ ", areas) + ":\n" + string.Join("\n", areas.SelectMany(from =>
                Graph.From(from).Where(e => areas.Contains(e.Key)).Select(e => $"    {from} → {e.Key}: {e.Value}"))));
        Assert.True(!cycles.Any(), "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Every_namespace_has_a_layer()
    {
        var unplaced = Graph.Areas.Where(a => Layering.LayerOf(a) is null).Order().ToList();
        Assert.True(unplaced.Count == 0, "Place these namespaces in Layering.Layers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_namespace_uses_a_layer_above_it()
    {
        var upward =
            from area in Graph.Areas
            let layer = Layering.LayerOf(area)
            from use in Graph.From(area)
            let target = Layering.LayerOf(use.Key)
            where layer is not null && target is not null && target < layer
            select $"{area} ({Layering.Layers[layer.Value].Name}) uses {use.Key} ({Layering.Layers[target.Value].Name}): {use.Value}";
        var found = upward.Order().ToList();
        Assert.True(found.Count == 0, "Uses against the layering:\n" + string.Join("\n", found));
    }
}
