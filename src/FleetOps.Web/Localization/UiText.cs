namespace FleetOps.Web.Localization;

/// <summary>
/// The resources of every text FleetOps shows people: <c>UiText.resx</c> (English, the neutral culture) and
/// <c>UiText.zh-CN.resx</c>. Keys are semantic (<c>Nav.Terminals</c>, <c>Terminals.Filter.Connectivity</c>); values are
/// format strings with numbered placeholders, explained in each entry's comment, so a translation may reorder them.
/// Enumeration names use <c>Enum.{EnumType}.{wire_name}</c> (<see cref="UiFormat.Name{T}"/>).
/// </summary>
public sealed class UiText;
