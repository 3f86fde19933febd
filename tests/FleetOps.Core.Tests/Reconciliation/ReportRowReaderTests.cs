using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>Reading the generic format and a mapped layout: what an import says about a header and each row.</summary>
public sealed class ReportRowReaderTests
{
    private static readonly string[] GenericHeader =
        ["date", "merchantId", "terminalId", "rrn", "authCode", "amountMinor", "currency", "maskedPan", "type", "feeMinor"];

    private static RowOutcome ReadGeneric(params string[] fields)
    {
        var header = HeaderCheck.Of(GenericHeader, ReportLayout.Generic);
        Assert.True(header.Ok);
        return new ReportRowReader(ReportLayout.Generic, header).Read(2, fields);
    }

    [Fact]
    public void A_generic_row_becomes_an_item()
    {
        var outcome = ReadGeneric("2026-11-28", "898440153110001", "88000001", "611234567890", "A1B2C3", "12800", "cny", "622848******1234", "sale", "50");

        Assert.Null(outcome.Error);
        Assert.Equal(new SettlementItem(2, new DateOnly(2026, 11, 28), "898440153110001", "88000001", "611234567890", "A1B2C3",
            12_800, "CNY", "622848******1234", SettlementItemType.Sale, 50), outcome.Item);
    }

    [Fact]
    public void A_booking_date_outside_the_import_s_days_is_the_row_s_error_beside_its_others()
    {
        var header = HeaderCheck.Of(GenericHeader, ReportLayout.Generic);
        var days = new BookingDays(new DateOnly(2025, 12, 4), new DateOnly(2026, 12, 6), 366);
        var reader = new ReportRowReader(ReportLayout.Generic, header, days);

        var future = reader.Read(2, ["2999-06-01", "898440153110001", "88000001", "611234567890", "A1B2C3", "12800", "CNY", "622848******1234", "sale", "50"]);
        var old = reader.Read(3, ["0001-01-01", "898440153110001", "88000001", "611234567890", "", "12800", "CNY", "", "gift", ""]);
        var inside = reader.Read(4, ["2026-12-06", "898440153110001", "88000001", "611234567890", "", "12800", "CNY", "", "sale", ""]);

        Assert.Null(future.Item);
        Assert.Equal("'date' is later than 2026-12-06, tomorrow in the stores' time: a booking date cannot lie in the future.", future.Error);
        Assert.Null(old.Item);
        Assert.StartsWith("'date' is earlier than 2025-12-04: booking dates more than 366 days old are not matched. 'type' ", old.Error);
        Assert.Equal(new DateOnly(2026, 12, 6), inside.Item!.BookedOn);
    }

    [Fact]
    public void Missing_and_unknown_columns_are_named()
    {
        var check = HeaderCheck.Of(["date", "terminalId", "rrn", "amount", "currency", "type", "store"], ReportLayout.Generic);

        Assert.False(check.Ok);
        Assert.Equal(["amountMinor"], check.Missing);
        Assert.Equal(["amount", "store"], check.Unknown);
    }

    [Fact]
    public void Optional_columns_may_be_left_out_but_not_both_terminal_and_merchant()
    {
        Assert.True(HeaderCheck.Of(["date", "terminalId", "rrn", "amountMinor", "currency", "type"], ReportLayout.Generic).Ok);
        Assert.Equal(["terminalId"], HeaderCheck.Of(["date", "rrn", "amountMinor", "currency", "type"], ReportLayout.Generic).Missing);
    }

    [Fact]
    public void A_full_card_number_in_any_column_marks_the_row_so_the_file_is_refused()
    {
        var outcome = ReadGeneric("2026-11-28", "898440153110001", "88000001", "611234567890", "A1B2C3", "12800", "CNY", "4111 1111 1111 1111", "sale", "50");

        Assert.True(outcome.HoldsCardNumber);
        Assert.Null(outcome.Item);
        Assert.Contains("maskedPan", outcome.Error);
    }

    [Fact]
    public void Bad_values_are_listed_together_and_name_their_column()
    {
        var outcome = ReadGeneric("28/11/2026", "898440153110001", "88000001", "", "", "-5", "yuan", "", "payment", "");

        Assert.False(outcome.HoldsCardNumber);
        Assert.Null(outcome.Item);
        foreach (var column in new[] { "'date'", "'currency'", "'amountMinor'", "'type'", "'rrn'" }) Assert.Contains(column, outcome.Error);
    }

    [Fact]
    public void A_mapped_layout_reads_its_own_headers_dates_major_units_and_words()
    {
        var layout = new ReportLayout("yinlian-daily",
            new Dictionary<ReportColumn, string>
            {
                [ReportColumn.Date] = "清算日期", [ReportColumn.MerchantId] = "商户号", [ReportColumn.TerminalId] = "终端号",
                [ReportColumn.Rrn] = "参考号", [ReportColumn.AmountMinor] = "交易金额", [ReportColumn.Currency] = "币种",
                [ReportColumn.Type] = "交易类型", [ReportColumn.FeeMinor] = "手续费",
            },
            DateFormat: "yyyyMMdd", AmountsInMajorUnits: true,
            TypeWords: new Dictionary<string, SettlementItemType> { ["消费"] = SettlementItemType.Sale, ["退货"] = SettlementItemType.Refund });
        var header = HeaderCheck.Of(["清算日期", "商户号", "终端号", "参考号", "交易金额", "币种", "交易类型", "手续费"], layout);
        Assert.True(header.Ok);

        var outcome = new ReportRowReader(layout, header).Read(5, ["20261128", "898440153110001", "88000001", "611234567890", "128.00", "CNY", "退货", "0.50"]);

        Assert.Null(outcome.Error);
        Assert.Equal(12_800, outcome.Item!.AmountMinor);
        Assert.Equal(50, outcome.Item.FeeMinor);
        Assert.Equal(SettlementItemType.Refund, outcome.Item.Type);
        Assert.Equal(new DateOnly(2026, 11, 28), outcome.Item.BookedOn);
    }

    [Fact]
    public void Major_units_with_more_decimals_than_the_currency_has_are_refused()
    {
        var layout = ReportLayout.Generic with { AmountsInMajorUnits = true };
        var header = HeaderCheck.Of(GenericHeader, layout);

        var outcome = new ReportRowReader(layout, header).Read(3, ["2026-11-28", "m", "t", "611234567890", "", "12.805", "CNY", "", "sale", ""]);

        Assert.Contains("at most 2 decimals", outcome.Error);
    }

    [Fact]
    public void A_15_digit_merchant_id_that_passes_the_luhn_check_is_an_identifier_not_a_card_number()
    {
        // One UnionPay merchant id in ten passes the Luhn check; refusing them would refuse most real reports.
        var outcome = ReadGeneric("2026-11-28", "898310040000000", "88000001", "611234567890", "", "12800", "CNY", "", "sale", "0");

        Assert.Null(outcome.Error);
        Assert.Equal("898310040000000", outcome.Item!.MerchantId);
    }

    [Fact]
    public void A_16_digit_card_number_in_the_merchant_column_still_refuses_the_file()
    {
        var outcome = ReadGeneric("2026-11-28", "6228480000000007", "88000001", "611234567890", "", "12800", "CNY", "", "sale", "0");

        Assert.True(outcome.HoldsCardNumber);
    }

    [Theory]
    [InlineData(false, "99999999999999999999", "'amountMinor' is too large: at most 1000000000000 minor units.")]
    [InlineData(false, "1000000000001", "'amountMinor' is too large: at most 1000000000000 minor units.")]
    [InlineData(true, "99999999999999999999", "'amountMinor' is too large: at most 10000000000.00.")]
    [InlineData(true, "999999999999999999999999999999999", "'amountMinor' is too large: at most 10000000000.00.")] // beyond a decimal
    [InlineData(true, "10000000000.01", "'amountMinor' is too large: at most 10000000000.00.")]
    public void An_amount_too_large_says_so_and_names_the_largest_one_read(bool majorUnits, string amount, string expected)
    {
        var layout = ReportLayout.Generic with { AmountsInMajorUnits = majorUnits };

        var outcome = new ReportRowReader(layout, HeaderCheck.Of(GenericHeader, layout))
            .Read(2, ["2026-11-28", "898440153110001", "88000001", "611234567890", "", amount, "CNY", "", "sale", ""]);

        Assert.Equal(expected, outcome.Error);
    }

    [Theory]
    [InlineData(false, "1000000000000")]
    [InlineData(true, "10000000000.00")]
    public void The_largest_amount_is_read(bool majorUnits, string amount)
    {
        var layout = ReportLayout.Generic with { AmountsInMajorUnits = majorUnits };

        var outcome = new ReportRowReader(layout, HeaderCheck.Of(GenericHeader, layout))
            .Read(2, ["2026-11-28", "898440153110001", "88000001", "611234567890", "", amount, "CNY", "", "sale", ""]);

        Assert.Equal(1_000_000_000_000, outcome.Item!.AmountMinor);
    }

    /// <summary>A saved profile as the import reads it: from its stored JSON, whose dictionary compares keys ordinally.</summary>
    private static RowOutcome ReadStored(string type)
    {
        var saved = ReportLayout.Generic with { Name = "acme", TypeWords = new Dictionary<string, SettlementItemType> { ["Purchase"] = SettlementItemType.Sale } };
        var layout = System.Text.Json.JsonSerializer.Deserialize<ReportLayout>(System.Text.Json.JsonSerializer.Serialize(saved))!;
        return new ReportRowReader(layout, HeaderCheck.Of(GenericHeader, layout))
            .Read(2, ["2026-11-28", "898440153110001", "88000001", "611234567890", "", "12800", "CNY", "", type, ""]);
    }

    [Theory]
    [InlineData("Purchase")]
    [InlineData("purchase")]   // the profile editor's preview read it; the import refused it
    [InlineData("PURCHASE")]
    [InlineData("sale")]       // the wire names are read beside the profile's words
    public void A_saved_profile_s_type_word_is_read_in_any_letter_case(string type) =>
        Assert.Equal(SettlementItemType.Sale, ReadStored(type).Item!.Type);

    [Fact]
    public void A_type_the_profile_does_not_know_is_refused_listing_its_words_and_the_wire_names()
    {
        Assert.Equal("'type' must be one of the profile's words, in any letter case: Purchase; or one of: sale, refund, chargeback.",
            ReadStored("gift").Error);
        Assert.Equal("'type' must be one of: sale, refund, chargeback.", ReadGeneric("2026-11-28", "898440153110001", "88000001", "611234567890", "",
            "12800", "CNY", "", "gift", "").Error);
    }
}
