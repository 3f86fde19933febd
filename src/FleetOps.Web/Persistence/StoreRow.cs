using FleetOps.Core.Fleet;

namespace FleetOps.Web.Persistence;

public sealed class StoreRow
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>The acquirer that credits the store's sales and the merchant id it gave the store (PROTOCOL §11).</summary>
    public string? Acquirer { get; set; }
    public string? MerchantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public StoreInfo ToInfo() => new(Code, Name, Region, TimeZone, Acquirer, MerchantId);
}
