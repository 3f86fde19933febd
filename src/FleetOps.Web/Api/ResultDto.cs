namespace FleetOps.Web.Api;

/// <summary>One recorded checklist result; <see cref="Flagged"/>: a failed check or a reading out of limits.</summary>
public sealed record ResultDto(string Item, string? Value, string? Note, bool Flagged);
