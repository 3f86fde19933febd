namespace FleetOps.Core.Fleet;

/// <summary>
/// A loss of power as the fleet recognises it, with the span it is known to lie in. A <c>lost</c> or
/// <c>brownout</c> event is one instant (<see cref="From"/> equals <see cref="At"/>). An unexpected reboot is only
/// known to lie between the last heartbeat of the old boot and the first of the new one; <see cref="At"/> is when
/// it was recognised. Rules that ask "did power fail during this sale" need the span: a terminal that died a minute
/// after an authorisation and came back an hour later was interrupted, though its first heartbeat is an hour late.
/// </summary>
public readonly record struct PowerLoss(DateTimeOffset From, DateTimeOffset At)
{
    /// <summary>A loss known to the instant.</summary>
    public static implicit operator PowerLoss(DateTimeOffset at) => new(at, at);

    /// <summary>Whether the loss may have happened between <paramref name="start"/> and <paramref name="end"/>, both included.</summary>
    public bool MayFallWithin(DateTimeOffset start, DateTimeOffset end) => At >= start && From <= end;
}
