using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>
/// Which area (a group of namespaces, see the area function) uses which, read from compiled assemblies: base types,
/// interfaces, attributes, field, method, property and local-variable signatures, and every type, field and method
/// a method body names. Compiled code catches what a scan of <c>using</c> lines misses (fully qualified names,
/// parent namespaces, global usings, Razor markup). Each edge keeps one example, so a failure says where to look.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = [];

    /// <param name="areaOf">The area of a type's namespace, or null to leave the type out (framework, packages).</param>
    public static NamespaceGraph Of(IEnumerable<Assembly> assemblies, Func<string, string?> areaOf)
    {
        var graph = new NamespaceGraph();
        foreach (var assembly in assemblies)
        {
            using var pe = new PEReader(File.OpenRead(assembly.Location));
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.TypeDefinitions)
            {
                var from = TypeNames.Of(reader, handle);
                var fromArea = areaOf(TypeNames.NamespaceOf(from));
                if (fromArea is null) continue;
                void Note(string to)
                {
                    var toArea = areaOf(TypeNames.NamespaceOf(to));
                    if (toArea is not null && toArea != fromArea) graph.Add(fromArea, toArea, $"{from} uses {to}");
                }
                new TypeUses(reader, pe, Note).Visit(reader.GetTypeDefinition(handle));
            }
        }
        return graph;
    }

    public IEnumerable<string> Areas => _edges.Keys.Concat(_edges.Values.SelectMany(e => e.Keys)).Distinct();

    public IReadOnlyDictionary<string, string> From(string area) =>
        _edges.TryGetValue(area, out var to) ? to : new Dictionary<string, string>();

    /// <summary>Every group of areas that reach each other (strongly connected components with more than one area).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => StronglyConnected.Components(Areas, a => From(a).Keys)
        .Where(c => c.Count > 1).ToList();

    private void Add(string from, string to, string example)
    {
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = [];
        targets.TryAdd(to, example);
    }

    /// <summary>Walks one type definition and notes every type it names.</summary>
    private sealed class TypeUses(MetadataReader reader, PEReader pe, Action<string> note)
    {
        private readonly SignatureNamespaces _signatures = new(reader, note);

        public void Visit(TypeDefinition type)
        {
            if (!type.BaseType.IsNil) Token(MetadataTokens.GetToken(type.BaseType));
            foreach (var i in type.GetInterfaceImplementations()) Token(MetadataTokens.GetToken(reader.GetInterfaceImplementation(i).Interface));
            Attributes(type.GetCustomAttributes());
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                _signatures.Decode(field.Signature);
                Attributes(field.GetCustomAttributes());
            }
            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                _signatures.Decode(property.Signature);
                Attributes(property.GetCustomAttributes());
            }
            foreach (var m in type.GetMethods()) Method(reader.GetMethodDefinition(m));
        }

        private void Method(MethodDefinition method)
        {
            _signatures.Decode(method.Signature);
            Attributes(method.GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0) return;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil) _signatures.Decode(reader.GetStandaloneSignature(body.LocalSignature).Signature);
            foreach (var token in ILTokens.In(body)) Token(token);
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes) Token(MetadataTokens.GetToken(reader.GetCustomAttribute(a).Constructor));
        }

        private void Token(int token)
        {
            var handle = MetadataTokens.EntityHandle(token);
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    note(TypeNames.Of(reader, (TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeReference:
                    note(TypeNames.Of(reader, (TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_signatures, null);
                    break;
                case HandleKind.FieldDefinition:
                    note(TypeNames.Of(reader, reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.MethodDefinition:
                    note(TypeNames.Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Token(MetadataTokens.GetToken(member.Parent));
                    _signatures.Decode(member.Signature);
                    break;
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Token(MetadataTokens.GetToken(specification.Method));
                    _signatures.Decode(specification.Signature);
                    break;
            }
        }
    }
}
