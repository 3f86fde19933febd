namespace FleetOps.Web.Persistence;

public sealed class StoreRow
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
