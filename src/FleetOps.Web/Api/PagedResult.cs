namespace FleetOps.Web.Api;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
