using System.Text;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// The onboarding file's columns (docs/operations.md). Header names compare case-insensitively; every column but
/// serialNumber and the acquirer's identifiers (PROTOCOL §11) must be present (its cells may still be empty where the store
/// exists already or the row has no terminal).
/// </summary>
public static class ImportColumns
{
    public const string StoreCode = "storeCode";
    public const string StoreName = "storeName";
    public const string Region = "region";
    public const string TimeZone = "timeZone";
    public const string TerminalId = "terminalId";
    public const string SerialNumber = "serialNumber";
    public const string Model = "model";
    public const string Acquirer = "acquirer";
    public const string MerchantId = "merchantId";
    public const string AcquirerTerminalId = "acquirerTerminalId";

    public static readonly IReadOnlyList<string> All =
        [StoreCode, StoreName, Region, TimeZone, TerminalId, SerialNumber, Model, Acquirer, MerchantId, AcquirerTerminalId];

    public static bool IsRequired(string column) => column is not (SerialNumber or Acquirer or MerchantId or AcquirerTerminalId);

    /// <summary>The acquirer's ids: 15-digit merchant ids are identifiers, not card numbers (TextRules' identifier mode).</summary>
    public static bool IsAcquirerIdentifier(string column) => column is MerchantId or AcquirerTerminalId;

    /// <summary>The file a newcomer starts from: the header row and one example row.</summary>
    public static string TemplateCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', All));
        text.AppendLine("SH-001,Xuhui,East,Asia/Shanghai,T-0001,SN-20261201-1,A920,unionpay,898310048990001,88000001");
        return text.ToString();
    }
}
