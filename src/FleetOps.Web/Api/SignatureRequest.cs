namespace FleetOps.Web.Api;

/// <summary>
/// A trained person's signature in <c>POST /api/v1/training/sessions</c> (FleetOps addition to §9): the staff id and the
/// drawing as a base64 PNG (a <c>data:image/png;base64,</c> URL is accepted too, as a canvas makes it).
/// </summary>
public sealed record SignatureRequest(long StaffId, string? Png);
