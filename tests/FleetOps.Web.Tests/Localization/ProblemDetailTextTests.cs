using System.Globalization;
using FleetOps.Core.Text;
using FleetOps.Web.Localization;

namespace FleetOps.Web.Tests.Localization;

/// <summary>English messages of the services, in Chinese by their patterns, with the values carried over.</summary>
public sealed class ProblemDetailTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void A_refused_text_message_is_said_in_Chinese_with_its_field()
    {
        var english = TextRules.Problem("name", "card 4111 1111 1111 1111")!;
        Assert.Equal("“name”包含完整卡号，不允许保存；请只填写脱敏卡号（前 6 位和后 4 位）。", ProblemDetailText.Translate(english, Chinese));
    }

    [Fact]
    public void Placeholders_keep_their_values_in_order() =>
        Assert.Equal("“备注”包含控制字符（U+0007），不允许保存。", // "note" is a known word: the case trail's entry kind
            ProblemDetailText.Translate("'note' contains a control character (U+0007), which is not allowed.", Chinese));

    [Theory]
    [InlineData("Record checked; next: contact the acquirer", "记录已核对；下一步：联系收单机构")]
    [InlineData("Resolved: settled late", "已解决：延迟结算")]
    [InlineData("Resolved: written off — customer paid cash", "已解决：已核销 — customer paid cash")]
    [InlineData("Reopened (was re-credited)", "重新打开（原为已重新入账）")]
    [InlineData("Owner changed from ann@example.test to bo@example.test", "负责人由 ann@example.test 改为 bo@example.test")]
    public void The_case_trail_reads_in_Chinese_with_names_inside_translated(string english, string chinese) =>
        Assert.Equal(chinese, ProblemDetailText.Translate(english, Chinese));

    [Theory]
    [InlineData("zh-CN", "Something nobody translated.")]
    [InlineData("en", "No terminal T-1.")]
    public void Other_messages_and_English_stay_as_written(string culture, string message) =>
        Assert.Equal(message, ProblemDetailText.Translate(message, CultureInfo.GetCultureInfo(culture)));

    /// <summary>What a person typed is quoted the Chinese way (“…”), not with the English sentence's straight quotes.</summary>
    [Theory]
    [InlineData("'appVersion' cannot be ordered: \"latest\" has no version number in it.", "“appVersion”无法排序：“latest”中没有版本号。")]
    [InlineData("'minimum' cannot be ordered against terminal versions: \"3.99999999999999999999\" has a number too long for a version part.",
        "“minimum”无法与终端版本比较先后：“3.99999999999999999999”中的数字太长，不能作为版本号的一段。")]
    [InlineData("'estimatedMinutes' must be from 1 to 1440.", "预计时长（estimatedMinutes）须在 1 到 1440 分钟之间。")]
    [InlineData("'terminalIds' must list 1–1000 terminals.", "“terminalIds”须列出 1 到 1000 台终端。")]
    public void Typed_text_and_field_names_are_quoted_the_Chinese_way(string english, string chinese)
    {
        var translated = ProblemDetailText.Translate(english, Chinese);
        Assert.Equal(chinese, translated);
        Assert.DoesNotContain('"', translated);
        Assert.DoesNotContain('\'', translated);
    }

    [Theory]
    [InlineData("The header names the column 'model' twice.", "表头中“model”列出现了两次。")]
    [InlineData("'terminalId' 'T-7' is also on row 3 (ids are compared ignoring letter case).", "terminalId“T-7”也出现在第 3 行（编号比较时不区分大小写）。")]
    [InlineData("Line 12 is not UTF-8 text; save the file as CSV UTF-8.", "第 12 行不是 UTF-8 文本；请将文件另存为 CSV UTF-8。")]
    [InlineData("A password needs at least 10 characters.", "密码至少需要 10 个字符。")]
    [InlineData("'region' differs from row 2, which defines this store; leave it empty or write it the same (an import does not change stores).",
        "“region”与定义此门店的第 2 行不一致；请留空或写成相同内容（导入不会修改门店）。")]
    [InlineData("'date' is later than 2026-12-06, tomorrow in the stores' time: a booking date cannot lie in the future.",
        "“date”晚于 2026-12-06（门店时间的明天）：记账日期不能在未来。")]
    [InlineData("'Buchungstag' is earlier than 2025-12-04: booking dates more than 366 days old are not matched.",
        "“Buchungstag”早于 2025-12-04：超过 366 天的记账日期不参与对账。")]
    [InlineData("'acquirer' is a lower-case acquirer name (e.g. unionpay).", "“acquirer”须为小写的收单机构名称（如 unionpay）。")]
    [InlineData("'acquirerTerminalId' '88000001' is already used by terminal 'DEMO-0001' under acquirer 'unionpay'; an acquirer's terminal ids are unique among terminals in service.",
        "acquirerTerminalId“88000001”已被收单机构“unionpay”下的终端“DEMO-0001”使用；同一收单机构的收单终端号在在用终端中必须唯一。")]
    [InlineData("'acquirerTerminalId' '88000002' is also on row 3 under the same acquirer 'unionpay'.",
        "acquirerTerminalId“88000002”在同一收单机构“unionpay”下也出现在第 3 行。")]
    public void Import_and_password_refusals_read_in_Chinese(string english, string chinese) =>
        Assert.Equal(chinese, ProblemDetailText.Translate(english, Chinese));

    /// <summary>A settlement report's row errors, as the import page lists them: in English they stood in the Chinese page.</summary>
    [Theory]
    [InlineData("'amountMinor' must be a non-negative whole number of minor units.", "“amountMinor”须为以最小货币单位（如分）计的非负整数。")]
    [InlineData("'Betrag' must be a non-negative amount with at most 2 decimals.", "“Betrag”须为非负金额，最多 2 位小数。")]
    [InlineData("'date' must be a date written dd/MM/yyyy.", "“date”须为按 dd/MM/yyyy 书写的日期。")]
    [InlineData("'currency' must be a three-letter ISO 4217 code.", "“currency”须为三个字母的 ISO 4217 货币代码。")]
    [InlineData("'terminalId' or 'merchantId' is needed to find the sale.", "须有“terminalId”或“merchantId”才能找到对应的交易。")]
    [InlineData("'rrn' must not be empty.", "“rrn”不能为空。")]
    [InlineData("'authCode' is longer than 64 characters.", "“authCode”超过 64 个字符。")]
    [InlineData("column 3 is longer than 256 characters.", "第 3 列超过 256 个字符。")]
    [InlineData("Unknown merchant id '999999999999999' and terminal id '99999999' of acquirer 'unionpay': no store or terminal of the chain has it.",
        "收单机构“unionpay”的商户号“999999999999999”和终端号“99999999”均无法识别：连锁中没有门店或终端使用它们。")]
    [InlineData("Unknown merchant id '999999999999999' of acquirer 'unionpay': no store or terminal of the chain has it.",
        "收单机构“unionpay”的商户号“999999999999999”无法识别：连锁中没有门店使用它。")]
    [InlineData("Unknown terminal id '99999999' of acquirer 'unionpay': no store or terminal of the chain has it.",
        "收单机构“unionpay”的终端号“99999999”无法识别：连锁中没有终端使用它。")]
    [InlineData("'type' must be one of: sale, refund, chargeback.", "“type”须为以下之一：sale, refund, chargeback。")] // codes to type, not names to read
    [InlineData("'type' must be one of the profile's words, in any letter case: Purchase, Refund; or one of: sale, refund, chargeback.",
        "“type”须为此配置的类型词之一（不区分大小写）：Purchase, Refund；或以下之一：sale, refund, chargeback。")]
    [InlineData("'amountMinor' is too large: at most 1000000000000 minor units.", "“amountMinor”金额过大：最多为 1000000000000（以最小货币单位计）。")]
    [InlineData("'Betrag' is too large: at most 10000000000.00.", "“Betrag”金额过大：最多为 10000000000.00。")]
    [InlineData("'date' must be a date written dd/MM/yyyy. 'rrn' must not be empty.", "“date”须为按 dd/MM/yyyy 书写的日期。“rrn”不能为空。")] // a row's errors, each on its own
    [InlineData("'rrn' must not be empty. 'x' is something nobody translated.", "“rrn”不能为空。'x' is something nobody translated.")]
    [InlineData("'x' is something nobody translated. 'rrn' must not be empty.", "'x' is something nobody translated. “rrn”不能为空。")]
    [InlineData("This API token expired at 2027-03-06T09:00:00Z. Create a new one on the API tokens page (/account/tokens).",
        "此 API 令牌已于 2027-03-06T09:00:00Z 到期。请在 API 令牌页面（/account/tokens）创建新令牌。")]
    [InlineData("Unknown or revoked API token.", "API 令牌无法识别或已被吊销。")]
    public void Settlement_report_row_errors_and_token_refusals_read_in_Chinese(string english, string chinese) =>
        Assert.Equal(chinese, ProblemDetailText.Translate(english, Chinese));
}
