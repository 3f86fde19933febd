using System.Reflection;
using FleetOps.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>Components say what they need: no service locator, so a page's dependencies are visible and testable.</summary>
public sealed class ComponentInjectionTests
{
    private static readonly Type[] Locators = [typeof(IServiceProvider), typeof(IServiceScopeFactory), typeof(IKeyedServiceProvider)];

    [Fact]
    public void No_component_injects_a_service_provider()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var found =
            from type in typeof(FleetOpsSetup).Assembly.GetTypes()
            where typeof(IComponent).IsAssignableFrom(type)
            from needed in type.GetProperties(all).Where(p => p.GetCustomAttribute<InjectAttribute>() is not null).Select(p => (p.Name, p.PropertyType))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => (Name: p.Name ?? "", p.ParameterType)))
            where Locators.Contains(needed.Item2)
            select $"{type.FullName}.{needed.Name} ({needed.Item2.Name})";
        var list = found.Order().ToList();
        Assert.True(list.Count == 0, "Inject what the component needs instead of: " + string.Join(", ", list));
    }
}
