namespace FleetOps.Web.Maintenance;

/// <summary>
/// One thing wrong with one field of a request: the field in the API's spelling (<c>hotline.phone</c>, <c>steps.terminal_dies[1]</c>)
/// and the English reason. A form lists them all at once, each at its field, rather than one per attempt.
/// </summary>
public sealed record FieldProblem(string Field, string Detail);
