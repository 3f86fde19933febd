using FleetOps.Core.Transactions;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>The one money rule: each currency by its own ISO 4217 minor-unit exponent, on pages, in CSV and in filters.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData(12800, "CNY", "128.00", "128.00 CNY")]
    [InlineData(12800, "JPY", "12800", "12,800 JPY")]
    [InlineData(12800, "KRW", "12800", "12,800 KRW")]
    [InlineData(12800, "KWD", "12.800", "12.800 KWD")]
    [InlineData(5, "BHD", "0.005", "0.005 BHD")]
    [InlineData(123456789, "USD", "1234567.89", "1,234,567.89 USD")]
    [InlineData(1, "EUR", "0.01", "0.01 EUR")]
    [InlineData(1_000_000_000_000, "CNY", "10000000000.00", "10,000,000,000.00 CNY")]
    [InlineData(-250, "CNY", "-2.50", "-2.50 CNY")]
    [InlineData(7, "jpy", "7", "7 jpy")]
    public void Formats_by_the_currency_s_minor_unit_exponent(long minor, string currency, string major, string display)
    {
        Assert.Equal(major, Money.MajorUnits(minor, currency));
        Assert.Equal(display, Money.Display(minor, currency));
    }

    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("XYZ", 2)]
    [InlineData(null, 2)]
    public void Knows_the_exponent(string? currency, int exponent) => Assert.Equal(exponent, Money.Exponent(currency));

    [Theory]
    [InlineData("12.5", "CNY", 1250)]
    [InlineData("12.5", "JPY", 13)]
    [InlineData("12.5", "KWD", 12500)]
    [InlineData("0.005", "CNY", 1)]
    public void Reads_major_units_back_to_minor_units(string major, string currency, long minor) =>
        Assert.Equal(minor, Money.ToMinor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Theory]
    [InlineData(12800, "CNY", "zh-CN", "¥128.00")]
    [InlineData(12800, "CNY", "en", "CN¥128.00")]
    [InlineData(12800, "JPY", "en", "¥12,800")]
    [InlineData(12800, "JPY", "zh-CN", "JP¥12,800")]
    [InlineData(123456789, "CNY", "zh-CN", "¥1,234,567.89")]
    [InlineData(-250, "CNY", "zh-CN", "-¥2.50")]
    [InlineData(12800, "KWD", "zh-CN", "12.800 KWD")]
    [InlineData(12800, "cny", "en", "CN¥128.00")]
    public void Shows_an_amount_as_the_reader_s_language_writes_it(long minor, string currency, string culture, string display) =>
        Assert.Equal(display, Money.Display(minor, currency, System.Globalization.CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void An_amount_without_a_currency_shows_without_a_trailing_space() => Assert.Equal("1.00", Money.Display(100, null));
}
