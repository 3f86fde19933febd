using System.Globalization;

namespace FleetOps.Web.Localization;

/// <summary>
/// Formats <see cref="EnglishPatterns"/>' rewritten texts: a placeholder written <c>{4:person|people}</c> becomes the noun
/// the count asks for ("1 person", "3 people"), the way <see cref="UiFormat.Count"/> picks a sentence's form. The values
/// are strings as the stored text had them, so a count is recognised by being "1"; everything else formats as usual.
/// </summary>
internal sealed class CountForms(CultureInfo culture) : IFormatProvider, ICustomFormatter
{
    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is not null && format.IndexOf('|', StringComparison.Ordinal) is > 0 and var bar)
            return arg as string == "1" ? format[..bar] : format[(bar + 1)..];
        return arg is IFormattable formattable ? formattable.ToString(format, culture) : arg?.ToString() ?? "";
    }
}
