using System.Reflection.Metadata;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>Full names of type definitions and references; a nested type counts as its outermost declaring type.</summary>
internal static class TypeNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.IsNested) type = reader.GetTypeDefinition(type.GetDeclaringType());
        return Join(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference) type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        return Join(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    /// <summary>"FleetOps.Web.Live.FleetHub" → "FleetOps.Web.Live"; a type in the global namespace has none.</summary>
    public static string NamespaceOf(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot < 0 ? "" : fullName[..dot];
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
