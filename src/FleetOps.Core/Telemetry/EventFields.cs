using System.Text.Json;

namespace FleetOps.Core.Telemetry;

/// <summary>
/// An event's top-level properties with their names read once. The text rule reads every name anyway, and the parser then
/// asked the document for about twelve fields by name, each lookup a scan of the object comparing UTF-8 names (in a
/// 500-heartbeat request, a sixth of the parser's time). A name that cannot be read (a lone surrogate) is kept as null.
/// </summary>
internal sealed class EventFields
{
    private readonly List<(string? Name, JsonElement Value)> _fields = new(12);

    private EventFields()
    {
    }

    public static EventFields Of(JsonElement element)
    {
        var fields = new EventFields();
        foreach (var property in element.EnumerateObject()) fields._fields.Add((EventText.ReadName(property), property.Value));
        return fields;
    }

    /// <summary>In the order they were sent, duplicates included.</summary>
    public IReadOnlyList<(string? Name, JsonElement Value)> All => _fields;

    /// <summary>The value of <paramref name="name"/>; the last one wins when it is sent twice, as with TryGetProperty.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        for (var i = _fields.Count - 1; i >= 0; i--)
        {
            if (_fields[i].Name == name)
            {
                value = _fields[i].Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
