using FleetOps.Web.Api;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Localization;

/// <summary>The reader's language of a CSV export: this request's <see cref="UiCulture"/>, its texts and names.</summary>
public sealed class ExportLanguage(UiCulture culture, IStringLocalizer<UiText> texts, UiFormat format) : IReaderLanguage
{
    public IReadOnlyList<string> Names => SupportedCultures.Names;

    public void Use(string name) => culture.Change(SupportedCultures.Find(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not a language FleetOps speaks."));

    public string Text(string key) => texts[key];

    public string Name<T>(T value) where T : struct, Enum => format.Name(value);
}
