using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Api;

/// <summary>
/// A small JSON body read by the endpoint itself instead of the framework's binder. The binder answers a body that is not
/// JSON, or a field of the wrong type, with a bare 400 that names nothing, and reads any body up to the server's 30 MB.
/// This reads at most <c>maxBytes</c> (413 past it, nothing parsed) and answers each mistake with a problem that says
/// what is wrong and where: not JSON (line and byte), not an object, or which field has the wrong type.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext context, int maxBytes,
        CancellationToken cancellationToken) where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(title: "Unsupported media type", detail: "Send the body as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        var body = await ReadBoundedAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TypedResults.Problem(title: "Body too large", detail: $"A request body may be at most {maxBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        if (body.Value.IsEmpty) return (null, Invalid("body", "The body is empty; send a JSON object."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Value);
        }
        catch (JsonException e)
        {
            return (null, Invalid("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, Invalid("body", "The body must be a JSON object."));
            var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            try
            {
                return (document.Deserialize<T>(options), null);
            }
            catch (JsonException e)
            {
                var field = FieldOf(e.Path);
                // System.Text.Json reports an escaped lone surrogate ("\ud800") as a conversion failure; it is bad text, not a bad type.
                return (null, e.InnerException is InvalidOperationException
                    ? Invalid(field, $"'{field}' is not valid Unicode text (an unpaired surrogate).")
                    : Invalid(field, $"'{field}' must be {Expected(typeof(T), field)}."));
            }
        }
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
        });

    /// <summary>"$.regions[0]" → "regions[0]"; the whole body when the path names no field.</summary>
    private static string FieldOf(string? path) => path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";

    /// <summary>What the request type holds at <paramref name="field"/>, in words for the caller.</summary>
    private static string Expected(Type request, string field)
    {
        var name = field.Split('[', '.')[0];
        var type = request.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        if (type is null) return "of another type";
        var element = type == typeof(string) ? null
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (field.Contains('[', StringComparison.Ordinal) && element is not null) type = element;
        else if (element is not null) return $"a list of {Describe(element)}s";
        return $"a {Describe(type)}";
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "string"
            : type == typeof(bool) ? "boolean"
            : type.IsPrimitive || type == typeof(decimal) ? "number"
            : "object";
    }

    /// <returns>The body, or null when it is larger than <paramref name="max"/> (read no further than that).</returns>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max) return null;
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4 * 1024, max) + 1);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4 * 1024), cancellationToken);
            if (read == 0) return buffer.WrittenMemory;
            buffer.Advance(read);
            if (buffer.WrittenCount > max) return null;
        }
    }
}
