namespace FleetOps.Web.Api;

/// <summary>
/// The language an export is written in for its reader: the request's culture unless <c>lang=</c> chose another.
/// Implemented by <c>Localization/ExportLanguage</c>; an interface here because the languages sit above the API's
/// DTOs in the layering (Localization → Live → Api), so the API may not name them itself.
/// </summary>
public interface IReaderLanguage
{
    /// <summary>The languages a reader may choose (<c>zh-CN</c>, <c>en</c>).</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Writes the rest of this request in <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    void Use(string name);

    /// <summary>The text of a resource key in this language.</summary>
    string Text(string key);

    /// <summary>An enumeration member as people read it in this language.</summary>
    string Name<T>(T value) where T : struct, Enum;
}
