using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>
/// Decodes a signature (field, method, local variables, generic instantiation) and notes the namespace of every type
/// it names, generic arguments included: <c>List&lt;TerminalSnapshot&gt;</c> depends on Core.Fleet as much as a bare
/// <c>TerminalSnapshot</c> does.
/// </summary>
internal sealed class SignatureNamespaces(MetadataReader reader, Action<string> note) : ISignatureTypeProvider<bool, object?>
{
    public bool GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        note(TypeNames.Of(r, handle));
        return true;
    }

    public bool GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind)
    {
        note(TypeNames.Of(r, handle));
        return true;
    }

    public bool GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        r.GetTypeSpecification(handle).DecodeSignature(this, context);

    public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => true;
    public bool GetSZArrayType(bool elementType) => true;
    public bool GetArrayType(bool elementType, ArrayShape shape) => true;
    public bool GetByReferenceType(bool elementType) => true;
    public bool GetPointerType(bool elementType) => true;
    public bool GetPinnedType(bool elementType) => true;
    public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => true;
    public bool GetGenericMethodParameter(object? context, int index) => true;
    public bool GetGenericTypeParameter(object? context, int index) => true;
    public bool GetFunctionPointerType(MethodSignature<bool> signature) => true;
    public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => true;

    /// <summary>Notes the types of a blob-encoded signature, whatever kind it is.</summary>
    public void Decode(BlobHandle signature)
    {
        if (signature.IsNil) return;
        var blob = reader.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        blob.Reset();
        var decoder = new SignatureDecoder<bool, object?>(this, reader, null);
        switch (header.Kind)
        {
            case SignatureKind.Method or SignatureKind.Property:
                decoder.DecodeMethodSignature(ref blob);
                break;
            case SignatureKind.Field:
                decoder.DecodeFieldSignature(ref blob);
                break;
            case SignatureKind.LocalVariables:
                decoder.DecodeLocalSignature(ref blob);
                break;
            case SignatureKind.MethodSpecification:
                decoder.DecodeMethodSpecificationSignature(ref blob);
                break;
        }
    }
}
