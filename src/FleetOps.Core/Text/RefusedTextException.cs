namespace FleetOps.Core.Text;

/// <summary>
/// A service was asked to keep text that breaks <see cref="TextRules"/>. The message names the field and never quotes
/// the text (it may hold a card number), so pages may show it and logs may keep it.
/// </summary>
public sealed class RefusedTextException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
