namespace FleetOps.Web.Ingestion;

public sealed record RejectedEvent(int Index, string? Id, string Error);
