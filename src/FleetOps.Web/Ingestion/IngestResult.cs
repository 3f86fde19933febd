namespace FleetOps.Web.Ingestion;

public sealed record IngestResult(int Accepted, int Duplicates);
