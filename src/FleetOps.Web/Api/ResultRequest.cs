using System.Globalization;
using System.Text.Json;
using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>One result: <c>value</c> is <c>true</c>/<c>false</c> for a check, a number for a reading, text otherwise.</summary>
public sealed record ResultRequest(string? Item, JsonElement? Value, string? Note)
{
    /// <summary>A result naming nothing (<c>{}</c>, or <c>null</c> in the list).</summary>
    public static ResultRequest Empty { get; } = new(null, null, null);

    /// <summary>
    /// Whether the value is an object or a list, which no item type reads: refused rather than recorded as no answer (an
    /// optional text item given <c>{"a": 1}</c> would otherwise be kept as unanswered and the text lost without a word).
    /// </summary>
    public bool HasUnreadableValue => Value is { ValueKind: JsonValueKind.Object or JsonValueKind.Array };

    public ChecklistAnswer ToAnswer() => new(Item?.Trim() ?? "", Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { ValueKind: JsonValueKind.Number } v => v.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => null,
    }, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
}
