namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/alerts/{id}/acknowledge</c>: what the person found or did (optional).</summary>
public sealed record AcknowledgeRequest(string? Note);
